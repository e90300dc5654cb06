// Search-as-you-type fields (partial _SearchPicker, for people and org units): asks the field's search endpoint
// (data-search-url) for at most 10 matches of what was typed, so no page has to list the whole organization.
(() => {
    const LIMIT = 10;
    for (const picker of document.querySelectorAll("[data-person-picker]")) {
        if (picker.dataset.ready) continue;
        picker.dataset.ready = "1";
        const input = picker.querySelector("input[role='combobox']");
        const list = picker.querySelector("[role='listbox']");
        const multiple = picker.dataset.multiple === "true";
        const field = picker.dataset.field;
        const searchUrl = picker.dataset.searchUrl || "/api/v1/people?active=true";
        const exclude = new Set((picker.dataset.exclude || "").split(",").filter(Boolean));
        const picked = picker.querySelector("input[data-picked]");
        const chosen = picker.querySelector(".person-picker-chosen");
        let timer = 0, seq = 0, active = -1, options = [];

        const chosenIds = () => new Set([...(chosen?.querySelectorAll("input[type='hidden']") ?? [])].map(i => i.value));
        const close = () => { list.hidden = true; list.replaceChildren(); input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); options = []; active = -1; };
        const highlight = index => {
            options.forEach((o, i) => o.setAttribute("aria-selected", i === index ? "true" : "false"));
            active = index;
            if (index >= 0) input.setAttribute("aria-activedescendant", options[index].id);
        };
        const choose = option => {
            const id = option.dataset.id, name = option.dataset.name;
            if (multiple) {
                if (!chosenIds().has(id)) {
                    const li = document.createElement("li");
                    const label = Object.assign(document.createElement("span"), { textContent: name });
                    const remove = Object.assign(document.createElement("button"), { type: "button", className: "link", textContent: "×" });
                    remove.dataset.remove = "";
                    remove.setAttribute("aria-label", "Remove " + name);
                    const hidden = Object.assign(document.createElement("input"), { type: "hidden", name: field, value: id });
                    li.append(label, " ", remove, hidden);
                    chosen.append(li);
                }
                input.value = "";
            } else {
                picked.value = id;
                input.value = name;
            }
            close();
        };
        const render = (matches, total) => {
            list.replaceChildren();
            const taken = multiple ? chosenIds() : new Set();
            options = [];
            for (const p of matches) {
                if (exclude.has(p.id) || taken.has(p.id)) continue;
                const li = document.createElement("li");
                li.id = input.id + "-option-" + options.length;
                li.setAttribute("role", "option");
                li.dataset.id = p.id;
                li.dataset.name = p.path ?? p.name;
                li.textContent = p.path ?? (p.jobTitle ? p.name + " — " + p.jobTitle : p.name);
                li.addEventListener("mousedown", e => { e.preventDefault(); choose(li); });
                options.push(li);
                list.append(li);
            }
            if (options.length === 0) {
                list.append(Object.assign(document.createElement("li"), { className: "muted", textContent: "No match." }));
            } else if (total > matches.length) {
                list.append(Object.assign(document.createElement("li"), { className: "muted", textContent: `${total - matches.length} more — keep typing.` }));
            }
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
            highlight(options.length > 0 ? 0 : -1);
        };
        const search = async () => {
            const mine = ++seq;
            const text = input.value.trim();
            if (text.length === 0) { close(); return; }
            try {
                const url = new URL(searchUrl, location.origin);
                url.searchParams.set("limit", LIMIT);
                url.searchParams.set("search", text);
                const res = await fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } });
                if (!res.ok || mine !== seq) return;
                const page = await res.json();
                render(page.items ?? [], page.total ?? 0);
            } catch { /* the field keeps what was typed; the server validates the choice */ }
        };

        input.addEventListener("input", () => {
            if (!multiple && picked.value) picked.value = "";
            clearTimeout(timer);
            timer = setTimeout(search, 150);
        });
        input.addEventListener("keydown", e => {
            if (e.key === "ArrowDown" && options.length) { e.preventDefault(); highlight((active + 1) % options.length); }
            else if (e.key === "ArrowUp" && options.length) { e.preventDefault(); highlight((active - 1 + options.length) % options.length); }
            else if (e.key === "Enter" && !list.hidden) { e.preventDefault(); if (active >= 0) choose(options[active]); }
            else if (e.key === "Escape") close();
        });
        input.addEventListener("blur", () => setTimeout(close, 100));
        chosen?.addEventListener("click", e => {
            const button = e.target.closest("[data-remove]");
            if (button) button.closest("li").remove();
        });
    }
})();

// The live language nudge under feedback and review text areas (a nudge, never a block).
// Markup: <div class="language-nudge" data-nudge-for="textarea-id" hidden></div>
(() => {
    for (const box of document.querySelectorAll(".language-nudge[data-nudge-for]")) {
        if (box.dataset.ready) continue;
        box.dataset.ready = "1";
        const area = document.getElementById(box.dataset.nudgeFor);
        if (!area) continue;
        const token = area.form?.querySelector("input[name='__RequestVerificationToken']")?.value
            ?? document.querySelector("input[name='__RequestVerificationToken']")?.value ?? "";
        let timer = 0, seq = 0;
        const render = findings => {
            box.replaceChildren();
            box.hidden = findings.length === 0;
            if (findings.length === 0) return;
            const title = document.createElement("p");
            title.textContent = "Possible bias in this text (a nudge, not a block):";
            const list = document.createElement("ul");
            for (const f of findings) {
                const li = document.createElement("li");
                li.className = "nudge-finding";
                li.dataset.code = f.code;
                const code = document.createElement("strong");
                code.textContent = f.code.replaceAll("_", " ").toLowerCase();
                li.append(code, " — " + f.message + " ", Object.assign(document.createElement("em"), { textContent: f.suggestion }));
                list.append(li);
            }
            box.append(title, list);
        };
        const check = async () => {
            const mine = ++seq;
            const text = area.value;
            if (text.trim().length === 0) { render([]); return; }
            try {
                const res = await fetch("/api/v1/feedback/language-check", {
                    method: "POST", credentials: "same-origin",
                    headers: { "Content-Type": "application/json", "Accept": "application/json", "RequestVerificationToken": token },
                    body: JSON.stringify({ text })
                });
                if (!res.ok || mine !== seq) return;
                render((await res.json()).findings || []);
            } catch { /* the nudge is optional */ }
        };
        area.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(check, 400); });
    }
})();

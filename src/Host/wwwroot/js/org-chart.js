// The org chart loads one unit at a time: opening a unit fetches its people and child units
// (/org-chart/units/{id}); the search opens the units down to the person found and shows them.
const chart = document.getElementById("org-chart");

async function load(unit) {
    if (unit.dataset.loaded === "true") return;
    unit.dataset.loaded = "true";
    const body = unit.querySelector(":scope > .org-unit-body");
    const response = await fetch(`/org-chart/units/${unit.dataset.unit}`, { headers: { "Accept": "text/html" } });
    if (!response.ok) {
        unit.dataset.loaded = "false";
        body.textContent = "This unit could not be loaded.";
        return;
    }
    body.innerHTML = await response.text();
}

chart?.addEventListener("toggle", (event) => {
    const unit = event.target;
    if (unit instanceof HTMLDetailsElement && unit.open && unit.dataset.unit) load(unit);
}, true);

async function reveal(person) {
    const trail = await fetch(`/org-chart/units/${person.orgUnitId}/trail`, { headers: { "Accept": "application/json" } });
    if (!trail.ok) return;
    for (const id of await trail.json()) {
        const unit = chart.querySelector(`details[data-unit="${id}"]`);
        if (!unit) return;
        unit.open = true;
        await load(unit);
    }
    chart.querySelectorAll(".node.found").forEach((n) => n.classList.remove("found"));
    const node = chart.querySelector(`[data-person="${person.id}"]`);
    if (!node) return;
    node.classList.add("found");
    node.scrollIntoView({ block: "center" });
    node.focus();
}

const search = document.getElementById("org-chart-search");
const results = document.getElementById("org-chart-results");
let pending = 0;

search?.addEventListener("input", () => {
    const term = search.value.trim();
    const ticket = ++pending;
    setTimeout(async () => {
        if (ticket !== pending) return;
        results.replaceChildren();
        if (term.length < 2) return;
        const response = await fetch(`/api/v1/people?search=${encodeURIComponent(term)}&limit=10`, { headers: { "Accept": "application/json" } });
        if (!response.ok || ticket !== pending) return;
        const people = (await response.json()).items.filter((p) => p.active);
        if (people.length === 0) {
            const none = document.createElement("li");
            none.textContent = "Nobody found.";
            results.append(none);
        }
        for (const person of people) {
            const item = document.createElement("li");
            const button = document.createElement("button");
            button.type = "button";
            button.className = "link";
            button.textContent = person.jobTitle ? `${person.name} — ${person.jobTitle}` : person.name;
            button.addEventListener("click", () => reveal(person));
            item.append(button);
            results.append(item);
        }
    }, 200);
});

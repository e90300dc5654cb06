// Progressive display of a validated AI draft: its sentences appear as the server streams them (server-sent events).
(() => {
    const d = document.getElementById("ai-draft");
    if (!d || !d.dataset.stream || d.dataset.streamed || !window.EventSource) return;
    const parts = d.querySelectorAll(".ai-s");
    const showAll = () => { parts.forEach(p => { p.hidden = false; }); d.dataset.streamed = "done"; };
    parts.forEach(p => { p.hidden = true; });
    d.dataset.streamed = "streaming";
    const es = new EventSource(d.dataset.stream);
    es.addEventListener("sentence", e => {
        const m = JSON.parse(e.data);
        const p = d.querySelector('.ai-s[data-i="' + m.index + '"]');
        if (p) p.hidden = false;
    });
    es.addEventListener("done", () => { es.close(); showAll(); });
    es.onerror = () => { es.close(); showAll(); };
})();

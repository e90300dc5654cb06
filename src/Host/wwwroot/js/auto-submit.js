// A <select data-auto-submit> submits its form when changed (the form still has a button without JavaScript).
for (const select of document.querySelectorAll("select[data-auto-submit]")) {
    select.addEventListener("change", () => select.form?.submit());
}

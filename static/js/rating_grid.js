// The rating grid's warnings as staff type (DOMAIN.md §4): the HTXSNV quota of the cell and the
// members disciplined in the year rated above KHTNV. The rule's numbers and words come from the
// page's data attributes (ratings/rules.py); the server makes the same checks on save.
(() => {
  const grid = document.querySelector("form.app-rating-grid");
  if (!grid) {
    return;
  }
  const box = grid.querySelector(".app-grid-warnings");
  const list = box.querySelector("ul");
  const fill = (template, values) =>
    template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));

  const update = () => {
    const warnings = [];
    const rows = [...grid.querySelectorAll("tr[data-member]")];
    const levels = rows.map((row) => row.querySelector("select.app-level").value);
    if (grid.dataset.quotaPercent) {
      const excellent = levels.filter((level) => level === "HTXSNV").length;
      const good = levels.filter((level) => level === "HTTNV").length;
      const allowed = Math.floor((good * Number(grid.dataset.quotaPercent)) / 100);
      if (excellent > allowed) {
        warnings.push(
          fill(grid.dataset.quotaMessage, { group: grid.dataset.group, excellent, allowed, good }),
        );
      }
    }
    rows.forEach((row, index) => {
      const level = levels[index];
      if (row.dataset.disciplined && level && level !== grid.dataset.disciplineLevel) {
        warnings.push(
          fill(grid.dataset.disciplineMessage, {
            name: row.dataset.member,
            level,
            allowed: grid.dataset.disciplineLevel,
          }),
        );
      }
    });
    list.replaceChildren(
      ...warnings.map((text) => {
        const item = document.createElement("li");
        item.textContent = text;
        return item;
      }),
    );
    box.hidden = warnings.length === 0;
  };
  grid.addEventListener("change", update);
  update();
})();

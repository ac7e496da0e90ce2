// The event form shows only the fields of the chosen kind of fact (the server passes on only
// those and checks them again): the kinds and their fields come from the page, as JSON.
(() => {
  const data = document.getElementById("fact-fields");
  const kind = document.querySelector("select[name=kind]");
  if (!data || !kind) {
    return;
  }
  const fieldsOf = JSON.parse(data.textContent);
  const all = [...new Set(Object.values(fieldsOf).flat())];
  const show = () => {
    const shown = fieldsOf[kind.value] || all;
    for (const name of all) {
      const wrapper = document.getElementById(`div_id_${name}`);
      if (wrapper) {
        wrapper.hidden = !shown.includes(name);
      }
    }
  };
  kind.addEventListener("change", show);
  show();
})();

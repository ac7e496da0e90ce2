// A round's page: a column of badge numbers pasted from a spreadsheet into one number box fills
// that box and the ones below it, one number a line, in the order of the page.
document.querySelectorAll("input[data-badge-number]").forEach((input, index, all) => {
  input.addEventListener("paste", (event) => {
    const text = (event.clipboardData || window.clipboardData).getData("text");
    const values = text.split(/\r?\n/).map((value) => value.split("\t").pop().trim());
    while (values.length && values[values.length - 1] === "") {
      values.pop();
    }
    if (values.length < 2) {
      return; // one number: the browser pastes it as usual
    }
    event.preventDefault();
    values.slice(0, all.length - index).forEach((value, offset) => {
      all[index + offset].value = value;
    });
  });
});

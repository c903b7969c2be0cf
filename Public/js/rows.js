// Repeatable rows in Samverka's forms (partners, links, themes). Without this script the "add
// a row" button sends the form and the page comes back with more empty rows; with it, a new
// empty row appears at once and takes the focus.
document.addEventListener("click", function (event) {
  var button = event.target.closest("button.add-row");
  if (!button) return;
  var rows = button.closest("fieldset").querySelectorAll(".row-cells");
  var last = rows[rows.length - 1];
  if (!last) return;
  event.preventDefault();
  var copy = last.cloneNode(true);
  var number = rows.length + 1;
  copy.querySelectorAll("input, select").forEach(function (element) {
    var label = copy.querySelector('label[for="' + element.id + '"]');
    element.id = element.id.replace(/-\d+$/, "-" + number);
    if (label) label.htmlFor = element.id;
    if (element.tagName === "SELECT") element.selectedIndex = 0; else element.value = "";
  });
  last.after(copy);
  copy.querySelector("input, select").focus();
});

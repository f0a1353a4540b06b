// Newsroom: narrow the site-wide timeline by name and year. Without JavaScript the form stays
// hidden and the whole list shows.
document$.subscribe(function () {
  var form = document.querySelector(".timeline-filter");
  if (!form) return;
  form.hidden = false;
  var items = document.querySelectorAll("ol.timeline--site > li");
  function apply() {
    var name = form.elements.name.value, year = form.elements.year.value;
    items.forEach(function (li) {
      var names = (li.dataset.names || "").split("|");
      var show = (!name || names.indexOf(name) >= 0) && (!year || li.dataset.year === year);
      li.hidden = !show;
    });
  }
  form.addEventListener("change", apply);
});

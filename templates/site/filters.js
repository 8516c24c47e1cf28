// Task table filters: category, unit (including through groups), status. Works from file://.
(function () {
  var form = document.getElementById("filters");
  if (!form) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.tasks tbody tr"));
  var count = document.getElementById("filter-count");
  function apply() {
    var c = form.category.value, u = form.unit.value, s = form.status.value, shown = 0;
    rows.forEach(function (tr) {
      var ok = (!c || tr.dataset.category === c) &&
        (!u || tr.dataset.units.split(" ").indexOf(u) >= 0) &&
        (!s || tr.dataset.status === s);
      tr.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = "显示 " + shown + " / " + rows.length + " 项";
  }
  form.addEventListener("change", apply);
  var params = new URLSearchParams(location.search);
  ["category", "unit", "status"].forEach(function (k) { if (params.get(k)) form[k].value = params.get(k); });
  apply();
})();

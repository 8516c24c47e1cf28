// Task table filters: category, unit (including through groups), status. Works from file://.
// The chosen filters are written to the address (?unit=…&status=…), so a filtered view can be
// bookmarked or sent to a colleague.
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
  var keys = ["category", "unit", "status"];
  function remember() {
    var params = new URLSearchParams();
    keys.forEach(function (k) { if (form[k].value) params.set(k, form[k].value); });
    var query = params.toString();
    try {
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (e) { /* some browsers refuse it for file:// pages; the filter still works */ }
  }
  form.addEventListener("change", function () { apply(); remember(); });
  var params = new URLSearchParams(location.search);
  keys.forEach(function (k) { if (params.get(k)) form[k].value = params.get(k); });
  apply();
})();

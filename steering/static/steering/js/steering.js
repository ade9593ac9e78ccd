// Draws the leaders' front page charts from the JSON embedded in the page; the tables hold the same numbers.
(function () {
  var el = document.getElementById("steering-chart-data");
  if (!el || typeof Chart === "undefined") return;
  var d = JSON.parse(el.textContent);
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var base = { animation: reduce ? false : {}, scales: { y: { beginAtZero: true } } };
  Chart.defaults.font.family = "IBM Plex Sans, Arial, sans-serif";
  function line(label, data, color, dash) {
    return { type: "line", label: label, data: data, borderColor: color, backgroundColor: color, borderDash: dash || [] };
  }
  new Chart(document.getElementById("chart-homeless"), {
    data: { labels: d.labels, datasets: [
      line("Hjemløse", d.homeless, "#0059b3"),
      line("På boform (§ 110)", d.shelter, "#6b2e8f"),
      line("Over 12 måneder", d.long_term_12, "#b35900", [6, 3]),
      line("Unge 18-24", d.young, "#358000", [2, 2])
    ] },
    options: base
  });
  new Chart(document.getElementById("chart-situation"), {
    data: { labels: d.situation_labels, datasets: [
      { type: "bar", label: "Nu", data: d.situation_now, backgroundColor: "#0059b3" },
      { type: "bar", label: "For et år siden", data: d.situation_then, backgroundColor: "#9aa5b1" }
    ] },
    options: { animation: reduce ? false : {}, indexAxis: "y", scales: { x: { beginAtZero: true } } }
  });
  new Chart(document.getElementById("chart-flow"), {
    data: { labels: d.flow_labels, datasets: [
      { type: "bar", label: "Tilgang", data: d.inflow, backgroundColor: "#b35900" },
      { type: "bar", label: "Afgang", data: d.outflow, backgroundColor: "#358000" }
    ] },
    options: base
  });
  new Chart(document.getElementById("chart-days"), {
    data: { labels: d.labels, datasets: [
      line("Dage til bolig, gennemsnit seneste 12 måneder", d.days_to_housing, "#0059b3"),
      line("Pejlemærke (Built for Zero)", d.labels.map(function () { return d.reference_days; }), "#767676", [4, 4])
    ] },
    options: base
  });
})();

// Themes over quarters; the table under the chart holds the same numbers. Missing quarters are gaps.
(function () {
  var el = document.getElementById("fidelity-chart-data");
  if (!el || typeof Chart === "undefined") return;
  var d = JSON.parse(el.textContent);
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var colours = ["#0059b3", "#b35900", "#358000", "#6b2e8f"];
  new Chart(document.getElementById("chart-themes"), {
    type: "line",
    data: { labels: d.labels, datasets: d.themes.map(function (t, i) {
      return { label: t.label, data: t.data, borderColor: colours[i], backgroundColor: colours[i], spanGaps: false };
    }) },
    options: { animation: reduce ? false : {}, scales: { y: { min: 1, max: 5, title: { display: true, text: "5 = helt enig, 1 = helt uenig" } } } }
  });
})();

// Draws the scenario comparison from the JSON embedded in the page: per scenario the middle value as a
// line and the 10-90 % band filled between two invisible lines. The tables on the page hold the numbers.
(function () {
  var el = document.getElementById("simulation-chart-data");
  if (!el || typeof Chart === "undefined") return;
  var d = JSON.parse(el.textContent);
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  Chart.defaults.font.family = "IBM Plex Sans, Arial, sans-serif";
  function draw(canvasId, series) {
    var datasets = [];
    series.forEach(function (s) {
      var faint = s.colour + "33";
      datasets.push({ type: "line", label: s.label + " (10 %)", data: s.p10, borderColor: "transparent", backgroundColor: faint, pointRadius: 0, fill: false, hf_band: true });
      datasets.push({ type: "line", label: s.label + " (" + d.band_label + ")", data: s.p90, borderColor: "transparent", backgroundColor: faint, pointRadius: 0, fill: "-1", hf_band: true });
      datasets.push({ type: "line", label: s.label, data: s.p50, borderColor: s.colour, backgroundColor: s.colour, pointRadius: 0, fill: false });
    });
    new Chart(document.getElementById(canvasId), {
      data: { labels: d.labels, datasets: datasets },
      options: {
        animation: reduce ? false : {},
        scales: { y: { beginAtZero: true } },
        plugins: { legend: { labels: { filter: function (item, data) { return !data.datasets[item.datasetIndex].hf_band; } } } }
      }
    });
  }
  draw("chart-homeless", d.series.homeless);
  draw("chart-shelter", d.series.shelter);
})();

// Draws the step-duration chart from the JSON in the page; the table next to it holds the same numbers.
(function () {
  var el = document.getElementById("steps-data");
  if (!el || typeof Chart === "undefined") return;
  var d = JSON.parse(el.textContent);
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  new Chart(document.getElementById("chart-steps"), {
    type: "bar",
    data: { labels: d.labels, datasets: [{ label: "Median (dage)", data: d.median, backgroundColor: "#0059b3" }] },
    options: { indexAxis: "y", animation: reduce ? false : {}, scales: { x: { beginAtZero: true } } }
  });
})();

// Clicking an annotated word highlights its whole sentence (the server already highlights ?hl= on arrival).
document.addEventListener("click", function (event) {
  var piece = event.target.closest("[data-s]");
  if (!piece || piece.tagName === "A") return;
  document.querySelectorAll(".hl").forEach(function (el) { el.classList.remove("hl"); });
  document.querySelectorAll('[data-s="' + piece.getAttribute("data-s") + '"]').forEach(function (el) { el.classList.add("hl"); });
});
window.addEventListener("load", function () {
  var target = document.getElementById("hl");
  if (target) target.scrollIntoView({ block: "center" });
});

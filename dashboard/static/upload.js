// Shows upload progress: the form is sent with XMLHttpRequest so the
// browser reports bytes sent; the server's answer then replaces the page.
// Without JavaScript the form posts as usual.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form || !window.FormData) return;
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var bar = document.getElementById("upload-progress");
    var status = document.getElementById("upload-status");
    var xhr = new XMLHttpRequest();
    bar.hidden = false;
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round(100 * e.loaded / e.total);
        status.textContent = bar.value + " %";
      }
    });
    xhr.upload.addEventListener("load", function () {
      bar.removeAttribute("value");
      status.textContent = form.getAttribute("data-loading") || "Loading…";
    });
    xhr.addEventListener("load", function () {
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener("error", function () {
      status.textContent = "The upload failed: check the connection and try again.";
    });
    xhr.open("POST", form.action);
    xhr.send(new FormData(form));
  });
})();

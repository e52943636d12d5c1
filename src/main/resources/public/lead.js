// The lead's page works without this file. With it, the poll's count stays live (below), and the
// announcement's preview follows the text as it is typed: the server renders it the way the forum will (the same renderer as the saved text's preview),
// a moment after the lead stops typing. Nothing is saved until the lead saves or approves.
(function () {
  Array.prototype.forEach.call(document.querySelectorAll('textarea[data-preview]'), function (text) {
    var pane = document.getElementById(text.getAttribute('data-preview'));
    var form = text.form;
    if (!pane || !form || !window.fetch) {
      return;
    }
    var timer = null;
    var asked = 0;

    function render() {
      var body = new URLSearchParams();
      body.set('_csrf', form.elements._csrf.value);
      body.set('text', text.value);
      var mine = ++asked;
      fetch(pane.getAttribute('data-url'), { method: 'POST', body: body, credentials: 'same-origin' })
        .then(function (answer) {
          return answer.ok ? answer.text() : null;
        })
        .then(function (html) {
          if (html !== null && mine === asked) {
            pane.innerHTML = html;
            pane.removeAttribute('data-stale');
          }
        })
        .catch(function () {
          pane.setAttribute('data-stale', '1');
        });
    }

    text.addEventListener('input', function () {
      pane.setAttribute('data-stale', '1');
      clearTimeout(timer);
      timer = setTimeout(render, 250);
    });
  });
})();

// The poll's count so far, asked again every half minute while the page is in view: the lead watches it live.
(function () {
  var box = document.getElementById('live-count');
  if (!box || !window.fetch) {
    return;
  }
  setInterval(function () {
    if (document.hidden) {
      return;
    }
    fetch(box.getAttribute('data-live'), { credentials: 'same-origin' })
      .then(function (answer) {
        return answer.ok ? answer.text() : null;
      })
      .then(function (html) {
        if (html !== null) {
          box.innerHTML = html;
        }
      })
      .catch(function () {
        // Offline for a moment: the count shown stays until the next try.
      });
  }, 30000);
})();

// A refused form comes back filled with why beside the field: take the lead to it (without script, the alert at the
// top of the page links there).
(function () {
  var refused = document.getElementById('refused');
  if (!refused) return;
  var link = refused.querySelector('a[href^="#"]');
  var form = link && document.getElementById(link.getAttribute('href').slice(1));
  if (!form) return;
  var details = form.closest('details');
  if (details) details.open = true;
  var field = form.querySelector('[aria-invalid="true"]') || form.querySelector('input:not([type=hidden]), textarea, select');
  form.scrollIntoView({ block: 'center' });
  if (field) field.focus({ preventScroll: true });
})();

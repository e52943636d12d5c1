// The report form works without this file. With it:
// - what a fan types is kept in this browser as a draft (per release and user) while they type: after a
//   reload, a lost connection or a closed tab it comes back, and once the report is saved it is dropped;
//   the draft never leaves the browser;
// - the bar at the bottom counts the features rated so far;
// - the wishes and tickets a new wish resembles are shown under it while the fan types ("is it one of
//   these?"), so that the report is sent in one step.
(function () {
  var form = document.getElementById('report-form');
  if (!form) {
    return;
  }
  keepDraft(form);
  countProgress(form);
  matchWhileTyping(form);
})();

function keepDraft(form) {
  var store;
  try {
    store = window.localStorage;
  } catch (e) {
    return;
  }
  if (!store) {
    return;
  }
  var key = 'popcorn.report-draft.' + form.getAttribute('data-draft');
  var notice = document.getElementById('draft-restored');

  function fields(each) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.type !== 'hidden' && el.type !== 'submit' && el.type !== 'button') {
        each(el);
      }
    });
  }

  function collect() {
    var draft = {};
    fields(function (el) {
      if (el.type === 'radio') {
        if (el.checked) {
          draft[el.name] = el.value;
        }
      } else if (el.type === 'checkbox') {
        draft[el.name + '=' + el.value] = el.checked;
      } else {
        draft[el.name] = el.value;
      }
    });
    return draft;
  }

  function apply(draft) {
    fields(function (el) {
      if (el.type === 'radio') {
        if (Object.prototype.hasOwnProperty.call(draft, el.name)) {
          el.checked = draft[el.name] === el.value;
        }
      } else if (el.type === 'checkbox') {
        var k = el.name + '=' + el.value;
        if (Object.prototype.hasOwnProperty.call(draft, k)) {
          el.checked = draft[k];
        }
      } else if (Object.prototype.hasOwnProperty.call(draft, el.name)) {
        el.value = draft[el.name];
      }
    });
  }

  if (document.getElementById('saved')) {
    // The report is saved: the draft has done its work.
    store.removeItem(key);
  } else if (form.getAttribute('data-server-draft') !== 'true') {
    var kept = store.getItem(key);
    if (kept) {
      try {
        var draft = JSON.parse(kept);
        if (JSON.stringify(draft) !== JSON.stringify(collect())) {
          apply(draft);
          if (notice) {
            notice.hidden = false;
          }
        }
      } catch (e) {
        store.removeItem(key);
      }
    }
  }

  function keep() {
    try {
      store.setItem(key, JSON.stringify(collect()));
    } catch (e) {
      // A full or private store: the form still works, only without a draft.
    }
  }
  form.addEventListener('input', keep);
  form.addEventListener('change', keep);

  var discard = document.getElementById('draft-discard');
  if (discard) {
    discard.hidden = false;
    discard.addEventListener('click', function () {
      store.removeItem(key);
      window.location.reload();
    });
  }
}

function countProgress(form) {
  var shown = document.getElementById('report-progress');
  var meter = document.getElementById('report-meter');
  var texts = document.querySelectorAll('#progress-texts li');
  if (!shown || !texts.length) {
    return;
  }
  function count() {
    var rated = form.querySelectorAll('fieldset.feature input[type=radio]:checked:not([value=""])').length;
    shown.textContent = texts[Math.min(rated, texts.length - 1)].textContent;
    if (meter) {
      meter.value = rated;
    }
  }
  form.addEventListener('change', count);
  count();
}

function matchWhileTyping(form) {
  var text = form.querySelector('textarea[data-matches]');
  var place = document.getElementById('wish-matches-live');
  if (!text || !place || !window.fetch) {
    return;
  }
  var timer = null;
  var asked = 0;
  var last = null;
  function ask() {
    var wanted = text.value.trim();
    if (wanted === last) {
      return;
    }
    last = wanted;
    var query = new URLSearchParams();
    query.set('text', text.value.slice(0, 1500));
    // What the fan has ticked among the matches stays ticked when they are asked again.
    Array.prototype.forEach.call(place.querySelectorAll('input[type=checkbox]:checked'), function (box) {
      query.append(box.name, box.value);
    });
    var mine = ++asked;
    fetch(text.getAttribute('data-matches') + '?' + query.toString(), { credentials: 'same-origin' })
      .then(function (answer) {
        return answer.ok ? answer.text() : null;
      })
      .then(function (html) {
        if (html !== null && mine === asked) {
          place.innerHTML = html;
        }
      })
      .catch(function () {
        // Offline: the server shows the matches when the report is sent, as without this script.
        last = null;
      });
  }
  text.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 400);
  });
  if (text.value.trim() && !place.querySelector('input[name=matchesSeen]')) {
    ask();
  }
}

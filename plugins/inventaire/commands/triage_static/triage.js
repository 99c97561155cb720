// The triage page of `inventaire serve`: the day's posts, a decision per key.
//
// The session's token is in the address after '#' (never sent by the browser on its
// own); every request to the API carries it in a header. Post texts are untrusted:
// they are set with textContent, never as HTML. The list is read again every few
// seconds (only when a file changed) so that new posts appear without a reload.
"use strict";

(function () {
  const TOKEN = new URLSearchParams(location.hash.slice(1)).get("t") || "";
  const POLL_MS = 3000;
  const WINDOW = 120; // posts drawn at once around the cursor
  const STATUS_LABEL = {
    new: "nouveau", candidate: "candidat", selected: "retenu", withdrawn: "écarté",
  };

  let state = null; // the server's last answer
  let shown = []; // the posts the filters keep, in order
  let cursor = 0;
  let touched = new Set(); // decided here: kept in the list until the filters change
  let busy = false;

  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  function say(text, isError) {
    const message = $("message");
    message.textContent = text;
    message.classList.toggle("is-error", Boolean(isError));
  }

  async function api(path, body) {
    const options = { headers: { "X-Triage-Token": TOKEN }, cache: "no-store" };
    if (body !== undefined) {
      options.method = "POST";
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const answer = await fetch(path, options);
    const data = await answer.json().catch(() => ({ error: answer.statusText }));
    if (!answer.ok) throw new Error(data.error || String(answer.status));
    return data;
  }

  // « 8 h 49 », as the site writes an hour.
  const clock = (time) => String(Number(time.slice(0, 2))) + " h " + time.slice(3, 5);

  const placeName = (slug) => {
    const place = state && state.places.find((p) => p.slug === slug);
    return place ? place.name : slug;
  };

  // -- the list ---------------------------------------------------------------------

  function keep(post) {
    const status = $("f-status").value;
    const hour = $("f-hour").value;
    const place = $("f-place").value;
    const author = $("f-author").value.trim().replace(/^@/, "").toLowerCase();
    if (!touched.has(post.key)) {
      if (status === "todo" && post.status !== "new" && post.status !== "candidate") return false;
      if (status !== "todo" && status !== "all" && post.status !== status) return false;
    }
    if (hour !== "" && String(post.hour) !== hour) return false;
    if (place === "-" && post.place) return false;
    if (place !== "" && place !== "-" && post.place !== place) return false;
    if (author && !post.author.toLowerCase().includes(author)
        && !post.author_name.toLowerCase().includes(author)) return false;
    return true;
  }

  // New posts first (they came in since the editors last looked), then by time.
  const order = (a, b) => (a.status === "new" ? 0 : 1) - (b.status === "new" ? 0 : 1)
    || a.time.localeCompare(b.time) || a.key.localeCompare(b.key);

  function refilter(keepKey) {
    const current = keepKey || (shown[cursor] && shown[cursor].key);
    shown = state.posts.filter(keep).sort(order);
    const at = shown.findIndex((p) => p.key === current);
    cursor = at >= 0 ? at : Math.min(cursor, Math.max(shown.length - 1, 0));
    draw();
    drawCounts();
  }

  function postItem(post, index) {
    const item = el("li", "post status-" + post.status);
    item.id = "p-" + index;
    item.dataset.key = post.key;
    item.dataset.status = post.status;
    if (index === cursor) item.classList.add("is-current");
    const head = el("p", "post-head");
    head.append(el("span", "time", clock(post.time)));
    const who = el("span", "author", post.author_name || "@" + post.author);
    who.title = "@" + post.author;
    head.append(who, el("span", "handle", "@" + post.author));
    head.append(el("span", "place", post.place ? placeName(post.place)
      : post.place_unknown ? "lieu inconnu : " + post.place_unknown : "sans lieu"));
    head.append(el("span", "badge badge-" + post.status, STATUS_LABEL[post.status] || post.status));
    if (post.featured) head.append(el("span", "badge badge-featured", "à la une"));
    if (post.declaimed) {
      head.append(el("span", "badge badge-declaimed", "à crier : " + placeName(post.declaimed.place)
        + (post.declaimed.time ? ", " + clock(post.declaimed.time) : "")));
    }
    if (post.sensitive) head.append(el("span", "badge badge-sensitive", "sensible"));
    item.append(head);
    item.append(el("p", "text", post.text));
    const photos = post.media.filter((m) => m.kind === "photo" || m.kind === "gif");
    if (photos.length) {
      const strip = el("p", "photos");
      for (const media of photos) {
        const img = el("img");
        img.src = "media/" + media.file.split("/").map(encodeURIComponent).join("/");
        img.alt = media.alt || "";
        img.loading = "lazy";
        strip.append(img);
      }
      item.append(strip);
    }
    item.addEventListener("click", () => move(index - cursor));
    return item;
  }

  function draw() {
    const list = $("posts");
    const start = Math.max(0, Math.min(cursor - 20, shown.length - WINDOW));
    const items = [];
    for (let i = start; i < Math.min(shown.length, start + WINDOW); i++) items.push(postItem(shown[i], i));
    list.replaceChildren(...items);
    list.start = start + 1;
    const news = shown.filter((p) => p.status === "new").length;
    list.dataset.news = String(news);
    showCursor();
  }

  function showCursor() {
    const news = Number($("posts").dataset.news || 0);
    $("summary").textContent = shown.length
      ? `${cursor + 1} sur ${shown.length} message(s)` + (news ? `, dont ${news} nouveau(x)` : "")
      : "Aucun message ne répond à ces filtres.";
    const current = $("posts").querySelector(".is-current");
    if (current) current.scrollIntoView({ block: "nearest" });
  }

  function drawCounts() {
    const table = $("counts");
    const hours = [...new Set(state.posts.map((p) => p.hour))].sort((a, b) => a - b);
    const selected = {};
    let total = 0;
    for (const post of state.posts) {
      if (post.status !== "selected") continue;
      const key = (post.place || "-") + " " + post.hour;
      selected[key] = (selected[key] || 0) + 1;
      total += 1;
    }
    $("total").textContent = `${total} retenu(s) en tout`;
    const head = el("tr");
    head.append(el("th", "", "Lieu"));
    for (const hour of hours) head.append(el("th", "", hour + " h"));
    const rows = [head];
    const places = state.places.map((p) => [p.slug, p.name]).concat([["-", "sans lieu"]]);
    for (const [slug, name] of places) {
      const row = el("tr");
      row.append(el("th", "", name));
      for (const hour of hours) {
        const count = selected[slug + " " + hour] || 0;
        const target = slug === "-" ? 0 : (state.targets[slug] || {})[hour] || 0;
        const cell = el("td", target ? (count >= target ? "is-met" : "is-short") : "",
          target ? `${count}/${target}` : String(count || ""));
        cell.title = `${name}, ${hour} h : ${count} retenu(s)` + (target ? ` sur ${target}` : "");
        cell.addEventListener("click", () => {
          $("f-hour").value = String(hour);
          $("f-place").value = slug;
          touched = new Set();
          refilter();
        });
        row.append(cell);
      }
      rows.push(row);
    }
    table.replaceChildren(...rows);
  }

  function fillFilters() {
    const hourSelect = $("f-hour");
    const hours = [...new Set(state.posts.map((p) => p.hour))].sort((a, b) => a - b);
    const wanted = hourSelect.value;
    hourSelect.replaceChildren(el("option", "", "toutes"), ...hours.map((h) => {
      const option = el("option", "", h + " h");
      option.value = String(h);
      return option;
    }));
    hourSelect.options[0].value = "";
    hourSelect.value = wanted;
    for (const id of ["f-place", "place-select", "declaim-place"]) {
      const select = $(id);
      const value = select.value;
      const options = state.places.map((p) => {
        const option = el("option", "", p.name + (p.crier ? " (crieur)" : ""));
        option.value = p.slug;
        return option;
      });
      if (id === "f-place") {
        const all = el("option", "", "tous"); all.value = "";
        const none = el("option", "", "sans lieu"); none.value = "-";
        options.unshift(all, none);
      } else if (id === "place-select") {
        const none = el("option", "", "sans lieu"); none.value = "";
        options.push(none);
      }
      select.replaceChildren(...options);
      select.value = value;
    }
    const day = state.day;
    $("day").textContent = [day.city, day.date].filter(Boolean).join(", ");
    const errors = $("errors");
    errors.hidden = !state.errors.length;
    $("error-list").replaceChildren(...state.errors.map((e) => el("li", "", e)));
  }

  async function poll() {
    try {
      const data = await api("api/state?since=" + encodeURIComponent(state ? state.version : ""));
      if (!data.same) {
        state = data;
        fillFilters();
        refilter();
      }
    } catch (error) {
      say("Le serveur ne répond pas : " + error.message, true);
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }

  // -- decisions --------------------------------------------------------------------

  function replace(post) {
    const at = state.posts.findIndex((p) => p.key === post.key);
    if (at >= 0) state.posts[at] = post; else state.posts.push(post);
    touched.add(post.key);
    state.version = ""; // the next poll reads the list again
  }

  async function decide(request, advance, message) {
    const post = shown[cursor];
    if (!post || busy) return;
    busy = true;
    try {
      const data = await api("api/decide", { key: post.key, rev: post.rev, ...request });
      replace(data.post);
      refilter(data.post.key);
      say(message(data.post));
      if (advance) move(1);
    } catch (error) {
      say("Non enregistré : " + error.message, true);
    } finally {
      busy = false;
    }
  }

  async function undo() {
    if (busy) return;
    busy = true;
    try {
      const data = await api("api/undo", {});
      replace(data.post);
      refilter(data.post.key);
      say("Annulé : la décision sur le message de @" + data.post.author + " est défaite.");
    } catch (error) {
      say("Rien à annuler : " + error.message, true);
    } finally {
      busy = false;
    }
  }

  function nextRoundHour(post) {
    const from = state.day.live ? state.day.now : post.time;
    const hour = (Number(from.slice(0, 2)) + 1) % 24;
    return String(hour).padStart(2, "0") + ":00";
  }

  function openPlace() {
    const post = shown[cursor];
    if (!post) return;
    $("place-select").value = post.place || "";
    const dialog = $("place-dialog");
    dialog.returnValue = "";
    dialog.showModal();
    $("place-select").focus();
  }

  function openDeclaim() {
    const post = shown[cursor];
    if (!post) return;
    const criers = state.places.filter((p) => p.crier);
    const filterPlace = $("f-place").value;
    const mark = post.declaimed;
    let place = mark ? mark.place : post.place;
    if (!mark && !criers.some((p) => p.slug === place)) {
      place = criers.some((p) => p.slug === filterPlace) ? filterPlace
        : (criers[0] || state.places[0] || { slug: "" }).slug || post.place;
    }
    $("declaim-place").value = place;
    $("declaim-time").value = mark && mark.time ? mark.time : nextRoundHour(post);
    const dialog = $("declaim-dialog");
    dialog.returnValue = "";
    dialog.showModal();
    $("declaim-time").focus();
    $("declaim-time").select();
  }

  // Within the drawn window only the mark moves: a key press stays instant at 10,000.
  function move(step) {
    if (!shown.length) return;
    const next = Math.max(0, Math.min(shown.length - 1, cursor + step));
    const old = $("p-" + cursor);
    const item = $("p-" + next);
    cursor = next;
    const start = Number($("posts").start) - 1;
    const end = start + $("posts").children.length;
    const nearEdge = (next < start + 5 && start > 0) || (next >= end - 5 && end < shown.length);
    if (!item || nearEdge) { draw(); return; }
    if (old) old.classList.remove("is-current");
    item.classList.add("is-current");
    showCursor();
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      if ((event.ctrlKey || event.metaKey) && event.key === "z") { event.preventDefault(); undo(); }
      return;
    }
    const target = event.target;
    if (target.closest && target.closest("input, select, textarea, dialog")) return;
    const post = shown[cursor];
    switch (event.key) {
      case "j": case "ArrowDown": move(1); break;
      case "k": case "ArrowUp": move(-1); break;
      case "s":
        if (!post) return;
        if (post.status === "selected") decide({ action: "candidate" }, false, () => "Remis parmi les candidats.");
        else decide({ action: "select" }, true, (p) => `Retenu : @${p.author}, ${p.time}.`);
        break;
      case "r":
        if (!post) return;
        if (post.status === "withdrawn") decide({ action: "candidate" }, false, () => "Remis parmi les candidats.");
        else decide({ action: "reject" }, true, (p) => `Écarté : @${p.author}, ${p.time}.`);
        break;
      case "f":
        if (!post) return;
        decide({ action: "feature", value: !post.featured }, false,
          (p) => (p.featured ? "À la une." : "Plus à la une."));
        break;
      case "p": openPlace(); break;
      case "c": openDeclaim(); break;
      case "u": undo(); break;
      default: return;
    }
    event.preventDefault();
  }

  function init() {
    if (!TOKEN) {
      say("Il manque le jeton de la session : ouvrez l’adresse complète qu’affiche inventaire serve.", true);
      return;
    }
    document.addEventListener("keydown", onKey);
    for (const id of ["f-status", "f-hour", "f-place", "f-author"]) {
      $(id).addEventListener("input", () => { touched = new Set(); cursor = 0; refilter(); });
    }
    $("filters").addEventListener("submit", (event) => event.preventDefault());
    $("place-select").addEventListener("keydown", (event) => {
      if (event.key === "Enter") { event.preventDefault(); $("place-dialog").close("ok"); }
    });
    $("place-dialog").addEventListener("close", () => {
      if ($("place-dialog").returnValue !== "ok") return;
      const slug = $("place-select").value;
      decide({ action: "place", place: slug }, false,
        () => (slug ? "Lieu : " + placeName(slug) + "." : "Sans lieu."));
    });
    $("declaim-dialog").addEventListener("close", () => {
      const how = $("declaim-dialog").returnValue;
      if (how === "remove") {
        decide({ action: "declaim" }, false, () => "Plus à crier.");
      } else if (how === "ok") {
        const place = $("declaim-place").value;
        const time = $("declaim-time").value;
        decide({ action: "declaim", place, time }, false,
          () => `À crier : ${placeName(place)}, ${clock(time)}.`);
      }
    });
    poll();
  }

  init();
})();

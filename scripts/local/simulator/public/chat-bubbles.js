// One chat bubble per feed entry. Text only ever goes in through textContent, never as HTML.

const vietnamClock = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', hourCycle: 'h23' });

/** "13:05 · 02/12", in Vietnam's time whatever the computer's time zone. */
function vietnamTime(iso) {
  const parts = Object.fromEntries(vietnamClock.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} · ${parts.day}/${parts.month}`;
}
const urlPattern = /https?:\/\/[^\s<>"]+/g;

/** Builds an element with a class and, optionally, its text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** Text with its web addresses as links (the monthly Excel file, the chart in full size). */
function linkified(text) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    // A sentence's full stop or a closing bracket right after an address is not part of it.
    const url = match[0].replace(/[.,;:)]+$/, '');
    fragment.append(text.slice(last, match.index));
    const link = el('a', null, url);
    link.href = url;
    link.target = '_blank';
    link.rel = 'noopener';
    fragment.append(link);
    last = match.index + url.length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

/** A picture that opens full size in a new tab (the weekly chart is small in a bubble). */
function picture(url, alt) {
  const link = el('a', 'bubble-picture');
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener';
  const img = el('img', 'bubble-image');
  img.src = url;
  img.alt = alt;
  link.append(img);
  return link;
}

/** Zalo's "share your details" card: the resident answers with the button, as in the app. */
function shareCard(card, onShare) {
  const box = el('div', 'card');
  if (card.imageUrl) box.append(picture(card.imageUrl, ''));
  box.append(el('strong', 'card-title', card.title), el('p', 'card-subtitle', card.subtitle));
  if (onShare) {
    const share = el('button', 'card-button', 'Chia sẻ');
    share.type = 'button';
    share.addEventListener('click', onShare);
    box.append(share);
  }
  return box;
}

function buttonList(titles, onButton) {
  const list = el('div', 'buttons');
  titles.forEach((title, index) => {
    const button = el('button', 'oa-button', title);
    button.type = 'button';
    button.disabled = !onButton;
    button.addEventListener('click', () => onButton?.(index));
    list.append(button);
  });
  return list;
}

/** Marks a bubble the bot never received, with the reason. */
export function markFailed(bubble, error) {
  if (bubble.querySelector('.bubble-error')) return;
  bubble.classList.add('failed');
  bubble.append(el('p', 'bubble-error', `Lỗi: ${error}`));
}

/**
 * The bubble of one entry. `mine` puts it on the right. `onButton(index)` and `onShare()` are given
 * only where a tap means something (the resident's own chat with the OA).
 */
export function bubble(entry, { mine, showAuthor, onButton, onShare }) {
  const box = el('article', `bubble ${mine ? 'mine' : 'theirs'}${entry.tap ? ' tap' : ''}`);
  box.dataset.seq = String(entry.seq);
  if (showAuthor) box.append(el('p', 'author', entry.author));
  if (entry.tap) box.append(el('p', 'tap-note', `Đã bấm: ${entry.text}`));
  else if (entry.text) {
    const text = el('p', 'text');
    text.append(linkified(entry.text));
    box.append(text);
  }
  if (entry.imageUrl) box.append(picture(entry.imageUrl, entry.from === 'oa' ? 'Ảnh OA gửi' : 'Ảnh đã gửi'));
  if (entry.card) box.append(shareCard(entry.card, onShare));
  if (entry.buttons.length > 0) box.append(buttonList(entry.buttons, onButton));
  const time = el('time', 'time', vietnamTime(entry.at));
  time.dateTime = entry.at;
  box.append(time);
  if (entry.error) markFailed(box, entry.error);
  return box;
}

// The three chats: a resident with the OA, a team's group, the leaders' group.
import { el, markFailed } from './chat-bubbles.js';
import { chatLog } from './chat-log.js';
import { postAction } from './simulator-api.js';

const roleLabels = { team_leader: 'tổ trưởng', member: 'thành viên', commune_leader: 'lãnh đạo xã', admin: 'cán bộ xã' };

function picker(root, labelText, options) {
  const label = el('label', 'picker');
  const select = el('select');
  // Named by its label alone: wrapped in the label, it would also be named by its chosen option.
  select.setAttribute('aria-label', labelText);
  for (const option of options) {
    const node = el('option', null, option.label);
    node.value = option.value;
    select.append(node);
  }
  label.append(el('span', null, labelText), select);
  root.querySelector('.pickers').append(label);
  return select;
}

/**
 * What every chat pane does: draw the chat's entries, append new ones, send what is typed and show
 * why a send failed. `chatKey()` names the chat on screen; `send(text)` posts it.
 */
function chatPane(root, shared, { chatKey, isMine, showAuthor, tapsFor, send }) {
  const log = chatLog(root.querySelector('.log'), { chatKey, isMine, bubbleOptions: (entry) => ({ showAuthor: showAuthor(entry), ...tapsFor(entry) }) });
  const error = root.querySelector('.pane-error');
  const form = root.querySelector('.composer');
  const input = form.querySelector('input');
  const pane = {
    redraw: () => log.redraw(shared.entries),
    add: (entries) => log.add(entries),
    reveal: () => log.reveal(),
    /** Shows the outcome of an action: a failure is kept on its bubble and said above the composer. */
    async outcome(result) {
      error.hidden = result.ok;
      error.textContent = result.ok ? '' : result.error;
      await shared.refresh();
      const failed = !result.ok && root.querySelector(`.log [data-seq="${result.seq}"]`);
      if (failed) markFailed(failed, result.error);
      return result.ok;
    },
    async sendText(text) {
      if (text.trim() && (await pane.outcome(await send(text.trim())))) input.value = '';
    },
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    pane.sendText(input.value);
  });
  return pane;
}

export function residentPane(root, scenario, shared) {
  const who = picker(root, 'Bạn đang là', scenario.residents.map((r) => ({ value: r.id, label: r.label })));
  const act = (path, body) => postAction(path, { residentId: who.value, ...body });
  const pane = chatPane(root, shared, {
    chatKey: () => `user:${who.value}`,
    isMine: (entry) => entry.from === 'person',
    showAuthor: () => false,
    tapsFor: (entry) =>
      entry.from !== 'oa'
        ? {}
        : { onButton: (index) => act('resident/button', { seq: entry.seq, index }).then(pane.outcome), onShare: () => act('resident/share-phone', {}).then(pane.outcome) },
    send: (text) => act('resident/text', { text }),
  });
  samplePicker(root, scenario.samples, (sampleId) => act('resident/image', { sampleId }).then(pane.outcome));
  who.addEventListener('change', pane.redraw);
  return pane;
}

/** The "Ảnh" button opens a few sample pictures; one tap sends it, as choosing from the gallery. */
function samplePicker(root, samples, sendSample) {
  const tray = root.querySelector('.samples');
  root.querySelector('.attach').addEventListener('click', () => (tray.hidden = !tray.hidden));
  for (const sample of samples) {
    const choice = el('button', 'sample');
    choice.type = 'button';
    const img = el('img');
    img.src = sample.url;
    img.alt = '';
    choice.append(img, el('span', null, sample.label));
    choice.addEventListener('click', () => {
      tray.hidden = true;
      sendSample(sample.id);
    });
    tray.append(choice);
  }
}

/** A group pane; with several groups (team groups) a picker chooses which one is on screen. */
export function groupPane(root, groups, shared) {
  if (groups.length === 0) {
    root.querySelector('.log').append(el('p', 'empty', 'Chưa có nhóm nào được liên kết với OA.'));
    root.querySelector('.composer').hidden = true;
    return { redraw() {}, reveal() {}, add: () => 0, sendText: async () => {} };
  }
  const groupSelect = groups.length > 1 ? picker(root, 'Nhóm', groups.map((g) => ({ value: g.id, label: g.name }))) : null;
  const current = () => groups.find((g) => g.id === groupSelect?.value) ?? groups[0];
  const member = picker(root, 'Viết với tư cách', []);
  const fillMembers = () => member.replaceChildren(...current().members.map((m) => Object.assign(el('option', null, `${m.name} (${roleLabels[m.role] ?? m.role})`), { value: m.id })));
  fillMembers();
  const pane = chatPane(root, shared, {
    chatKey: () => `group:${current().id}`,
    isMine: (entry) => entry.from === 'person',
    showAuthor: () => true,
    tapsFor: () => ({}),
    send: (text) => postAction('group/text', { groupId: current().id, memberId: member.value, text }),
  });
  groupSelect?.addEventListener('change', () => {
    fillMembers();
    pane.redraw();
  });
  if (!groupSelect) root.querySelector('.pickers').prepend(el('p', 'group-name', current().name));
  else markNewInOtherGroups(pane, groupSelect, groups);
  return pane;
}

/** A team group not on screen that gets a message says so in the picker until it is chosen. */
function markNewInOtherGroups(pane, select, groups) {
  const optionOf = (group) => [...select.options].find((o) => o.value === group.id);
  const addToLog = pane.add;
  pane.add = (entries) => {
    const elsewhere = groups.filter((g) => g.id !== select.value && entries.some((e) => e.chat === `group:${g.id}`));
    for (const group of elsewhere) optionOf(group).textContent = `${group.name} • có tin mới`;
    return addToLog(entries) + elsewhere.length;
  };
  select.addEventListener('change', () => {
    const chosen = groups.find((g) => g.id === select.value);
    if (chosen) optionOf(chosen).textContent = chosen.name;
  });
}

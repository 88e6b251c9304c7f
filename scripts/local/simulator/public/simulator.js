// Starts the page: who can be played, the panes, the tabs (on a phone), the examples, polling.
import { el } from './chat-bubbles.js';
import { groupPane, residentPane } from './chat-panes.js';
import { getJson, pollMessages } from './simulator-api.js';

/** Messages a newcomer can send with one tap, each in the chat where it makes sense. */
const examples = [
  { pane: 'resident', text: 'cach cai vneid' },
  { pane: 'resident', text: 'toi muon nho to den nha ho tro' },
  { pane: 'team', text: '/baocao 12 hộ, 30 người, 8 vneid, 3 mức 2' },
  { pane: 'team', text: '/yeucau' },
  { pane: 'leaders', text: '/tuan truoc' },
  { pane: 'leaders', text: '/tuan' },
];

const section = (name) => document.querySelector(`[data-pane="${name}"]`);

function setUpTabs(panes) {
  const tabs = [...document.querySelectorAll('[data-tab]')];
  const show = (name) => {
    document.body.dataset.active = name;
    panes[name]?.reveal();
    for (const tab of tabs) {
      const selected = tab.dataset.tab === name;
      tab.setAttribute('aria-selected', String(selected));
      if (selected) tab.classList.remove('unread');
    }
  };
  tabs.forEach((tab) => tab.addEventListener('click', () => show(tab.dataset.tab)));
  show('resident');
  return {
    show,
    markUnread(name) {
      if (document.body.dataset.active !== name) document.querySelector(`[data-tab="${name}"]`)?.classList.add('unread');
    },
  };
}

function setUpExamples(panes, tabs) {
  const list = document.querySelector('.examples');
  for (const example of examples) {
    const chip = el('button', 'example', example.text);
    chip.type = 'button';
    chip.addEventListener('click', () => {
      tabs.show(example.pane);
      panes[example.pane].sendText(example.text);
    });
    list.append(chip);
  }
}

function setUpMiniApp(root, url) {
  const body = root.querySelector('.miniapp');
  if (!url) {
    body.append(el('p', 'empty', 'Mini App chưa bật trong chế độ chạy thử. Chạy npm run build:miniapp rồi khởi động lại.'));
    return;
  }
  const frame = el('iframe', 'miniapp-frame');
  frame.src = url;
  frame.title = 'Mini App của tổ công nghệ số';
  const open = el('a', 'open-miniapp', 'Mở Mini App trong thẻ mới');
  open.href = url;
  open.target = '_blank';
  open.rel = 'noopener';
  body.append(el('p', 'hint', 'Chọn một thành viên để đăng nhập (chỉ có khi chạy thử).'), frame, open);
}

function showProblem(problem) {
  const banner = document.getElementById('banner');
  banner.hidden = !problem;
  banner.textContent = problem ?? '';
}

async function start() {
  const scenario = await getJson('/simulator/api/scenario');
  document.querySelector('.oa-name').textContent = scenario.oaName;
  const shared = { entries: [], refresh: () => poller.now() };
  const panes = {
    resident: residentPane(section('resident'), scenario, shared),
    team: groupPane(section('team'), scenario.groups.filter((g) => g.kind === 'team'), shared),
    leaders: groupPane(section('leaders'), scenario.groups.filter((g) => g.kind === 'leaders'), shared),
  };
  const tabs = setUpTabs(panes);
  setUpExamples(panes, tabs);
  setUpMiniApp(section('miniapp'), scenario.miniappUrl);
  const poller = pollMessages((entries) => {
    shared.entries.push(...entries);
    for (const [name, pane] of Object.entries(panes)) if (pane.add(entries) > 0) tabs.markUnread(name);
  }, showProblem);
}

start().catch((err) => showProblem(`Không mở được trình mô phỏng: ${err.message}`));

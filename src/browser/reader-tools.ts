/**
 * The reader's tools that need JavaScript, added to the containers that ask for them
 * (data-tools="theme", "text-size print"): the theme and text-size choices, stored in localStorage
 * and mirrored on <html> as public/reader-prefs.js does before first paint, and the print button.
 * Built with createElement (no HTML strings: Trusted Types); one delegated click listener.
 */
import { TEXT_SIZE, TEXT_SIZE_LABELS, THEME, THEME_LABELS, parseChoice, type Pref } from '../lib/reader-prefs.ts';

const root = document.documentElement;
const PREFS: Record<string, [Pref, string, Record<string, string>]> = {
  [THEME.key]: [THEME, '外观', THEME_LABELS],
  [TEXT_SIZE.key]: [TEXT_SIZE, '字号', TEXT_SIZE_LABELS],
};

const button = (text: string): HTMLButtonElement => {
  const made = document.createElement('button');
  made.type = 'button';
  made.textContent = text;
  return made;
};

/** A labelled group of toggle buttons, one per choice; aria-pressed marks the choice in force. */
function choiceGroup(key: string): HTMLElement {
  const [pref, label, labels] = PREFS[key]!;
  const group = document.createElement('div');
  const name = document.createElement('span');
  name.id = `${key}-label`;
  name.textContent = label;
  group.setAttribute('role', 'group');
  group.setAttribute('aria-labelledby', name.id);
  group.className = 'tool-choices';
  group.dataset.pref = key;
  group.append(name, ...pref.choices.map((choice) => Object.assign(button(labels[choice]!), { value: choice })));
  return group;
}

function choose(pref: Pref, choice: string): void {
  const isDefault = choice === pref.fallback;
  if (isDefault) root.removeAttribute(pref.attribute);
  else root.setAttribute(pref.attribute, choice);
  try {
    if (isDefault) localStorage.removeItem(pref.key);
    else localStorage.setItem(pref.key, choice);
  } catch {
    // Storage blocked: the choice holds for this page only.
  }
  showPressed();
}

function showPressed(): void {
  for (const choice of document.querySelectorAll<HTMLButtonElement>('[data-pref] button')) {
    const pref = PREFS[choice.parentElement!.dataset.pref!]![0];
    choice.setAttribute('aria-pressed', String(parseChoice(pref, root.getAttribute(pref.attribute)) === choice.value));
  }
}

for (const box of document.querySelectorAll<HTMLElement>('[data-tools]')) {
  box.prepend(
    ...box.dataset
      .tools!.split(' ')
      .map((tool) => (tool === 'print' ? Object.assign(button('打印'), { id: 'print' }) : choiceGroup(tool))),
  );
}
showPressed();

document.addEventListener('click', (event) => {
  const clicked = (event.target as Element).closest('button');
  const key = clicked?.parentElement!.dataset.pref;
  if (key) choose(PREFS[key]![0], clicked!.value);
  else if (clicked?.id === 'print') print();
});

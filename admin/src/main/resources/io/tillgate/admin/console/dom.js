/**
 * Building DOM nodes without innerHTML: every text from the server or a terminal goes in as text,
 * never as markup.
 */

/**
 * A new element. Attributes with a null, undefined or false value are left out; `true` sets an
 * empty attribute. Children are nodes or strings (as text); null children are skipped.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

/** The element with this id; a missing one is a bug in the page, so it throws. */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`no element #${id}`);
  }
  return element;
}

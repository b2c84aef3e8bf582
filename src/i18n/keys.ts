// Locale message names are built from ids in one way: `<prefix>_<id with - as _>[_<part>]`
// (message names allow only ASCII letters, digits and underscores).

/** e.g. msgKey('cause', 'not-friends', 'title') → 'cause_not_friends_title'. */
export function msgKey(prefix: string, id: string, part?: string): string {
  const name = `${prefix}_${id.replace(/-/g, '_')}`;
  return part ? `${name}_${part}` : name;
}

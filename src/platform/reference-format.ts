/**
 * How one platform's ids look in the policy, after its tag (`teams:19:abc@thread.tacv2`): each platform
 * folder exports one, so the config checks every id without knowing any platform. A tag with no format
 * here is accepted in any shape; the start-up refuses a tag no platform has.
 */
export interface ReferenceFormat {
  tag: string;
  /** Ids of this platform are written without their tag (Slack's, as configs always had them). */
  untagged?: boolean;
  /** A channel shared with a customer, and how the operator is told to write one. */
  customerChannel: { id: RegExp; described: string };
  /** A channel of the vendor's own (a queue's, the leads'); absent: the platform has none. */
  internalChannel?: { id: RegExp; described: string };
  /** A person (a queue lead) on this platform. */
  person?: { id: RegExp; described: string };
}

export type ReferenceKind = 'customerChannel' | 'internalChannel' | 'person';

const TAGGED = /^([a-z][a-z0-9-]*):(\S+)$/s;

/** Whether `name` is a well-formed id of its kind on the platform its tag (or its lack of one) names. */
export function matchesReference(formats: readonly ReferenceFormat[], kind: ReferenceKind, name: string): boolean {
  const tagged = TAGGED.exec(name);
  const format = tagged ? formats.find((f) => f.tag === tagged[1] && !f.untagged) : formats.find((f) => f.untagged);
  if (!format) return tagged !== null;
  const id = tagged && !format.untagged ? tagged[2]! : name;
  return format[kind]?.id.test(id) ?? false;
}

/** "a Slack channel id such as C0123ABCD, a Teams … , or web:<room>": every way one kind may be written. */
export function describeReference(formats: readonly ReferenceFormat[], kind: ReferenceKind): string {
  const ways = formats.flatMap((f) => f[kind]?.described ?? []);
  return ways.length < 2 ? (ways[0] ?? '') : `${ways.slice(0, -1).join(', ')}, or ${ways.at(-1)}`;
}

// The one error the media library throws for a file or request it refuses on purpose; `key` names
// a message in messages/*/media.json, so actions turn it into a translated, field-level message.
export class MediaRefusal extends Error {
  constructor(
    readonly key: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(key);
    this.name = "MediaRefusal";
  }
}

import { Badge } from "@fluentui/react-components";
import type { ConsentChannel } from "contract";
import { WITHDRAWN_BADGE } from "./consent-channels";

/** One small badge per channel the contact withdrew consent for; nothing when there is none. */
export function ConsentBadges({ withdrawn }: { withdrawn: ConsentChannel[] }) {
  return (
    <>
      {withdrawn.map((channel) => (
        <Badge key={channel} appearance="tint" color="danger" size="small">
          {WITHDRAWN_BADGE[channel]}
        </Badge>
      ))}
    </>
  );
}

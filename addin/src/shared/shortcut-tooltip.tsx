import { Tooltip } from "@fluentui/react-components";
import type { ReactElement } from "react";

/** The shortcut's tooltip, in a chunk of its own: Tooltip brings Fluent's positioning (floating-ui). */
export function ShortcutTooltip({ content, children }: { content: string; children: ReactElement }) {
  return (
    <Tooltip content={content} relationship="description" withArrow>
      {children}
    </Tooltip>
  );
}

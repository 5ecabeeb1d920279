import {
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  useIsOverflowItemVisible,
} from "@fluentui/react-components";
import type { ReactElement } from "react";
import type { TabChoice } from "./overflow-tab-list";

/** OverflowTabList's "More" menu: the tabs the list had no room for (a chunk of its own). */
export function OverflowTabsMenu({
  tabs,
  onSelect,
  button,
}: {
  tabs: TabChoice[];
  onSelect: (value: string) => void;
  button: ReactElement;
}) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>{button}</MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((tab) => (
            <HiddenTab key={tab.value} tab={tab} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** A menu entry for a tab the list had no room for. */
function HiddenTab({ tab, onSelect }: { tab: TabChoice; onSelect: (value: string) => void }) {
  const visible = useIsOverflowItemVisible(tab.value);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(tab.value)}>{tab.label}</MenuItem>;
}

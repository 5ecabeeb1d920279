import { Button, Overflow, OverflowItem, Tab, TabList, makeStyles, useOverflowMenu } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { preloadable } from "./preloadable";

// Fluent's Menu (and its positioning) is needed only once tabs overflow: a chunk of its own, fetched
// when a tab list is drawn; until then the "More" button is there, its menu opens once it has come.
const menu = preloadable(() => import("./overflow-tabs-menu.js"));

export interface TabChoice {
  value: string;
  label: string;
}

const useStyles = makeStyles({
  // The row may shrink below its tabs' width: Overflow moves what does not fit into the menu.
  row: { display: "flex", alignItems: "center", minWidth: 0, overflow: "hidden" },
  list: { minWidth: 0, flexWrap: "nowrap" },
});

/**
 * Tabs that never make the pane scroll sideways: the tabs that do not fit move into a "More" menu
 * (Fluent's Overflow pattern for TabList); the selected tab is kept visible.
 */
export function OverflowTabList({
  tabs,
  selectedValue,
  onSelect,
  label,
  size,
}: {
  tabs: TabChoice[];
  selectedValue: string;
  onSelect: (value: string) => void;
  label: string;
  size?: "small" | "medium";
}) {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={1}>
      {/* The menu button sits beside the tab list, not in it: a tab list holds only tabs. */}
      <div className={styles.row}>
        <TabList
          className={styles.list}
          size={size}
          selectedValue={selectedValue}
          onTabSelect={(_event, data) => onSelect(String(data.value))}
          aria-label={label}
        >
          {tabs.map((tab) => (
            <OverflowItem key={tab.value} id={tab.value} priority={tab.value === selectedValue ? 2 : 1}>
              <Tab value={tab.value}>{tab.label}</Tab>
            </OverflowItem>
          ))}
        </TabList>
        <MoreTabs tabs={tabs} onSelect={onSelect} size={size} />
      </div>
    </Overflow>
  );
}

function MoreTabs({
  tabs,
  onSelect,
  size,
}: {
  tabs: TabChoice[];
  onSelect: (value: string) => void;
  size?: "small" | "medium";
}) {
  const { t } = useTranslation("common");
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  const loaded = menu.use();
  if (!isOverflowing) return null;
  const button = (
    <Button ref={ref} appearance="transparent" size={size} aria-label={t("moreTabs", { count: overflowCount })}>
      {t("more")}
    </Button>
  );
  return loaded ? <loaded.OverflowTabsMenu tabs={tabs} onSelect={onSelect} button={button} /> : button;
}

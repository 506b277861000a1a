import { PageHeader, type PageHeaderProps } from "@/components/ui/page-header";
import { PageHeaderSkeleton } from "@/components/ui/skeleton";
import { DashboardTabs } from "./dashboard-tabs";

/** Every dashboard page's h1 and description, with the tab bar to the other dashboard pages under it. */
export function DashboardHeader(props: Omit<PageHeaderProps, "className">) {
  return (
    <>
      <PageHeader {...props} className="mb-5" />
      <DashboardTabs />
    </>
  );
}

/** The same while a dashboard page loads: the tabs are there at once, so one can already switch. */
export function DashboardHeaderSkeleton() {
  return (
    <>
      <PageHeaderSkeleton className="mb-5" />
      <DashboardTabs />
    </>
  );
}

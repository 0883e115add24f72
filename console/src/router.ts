import { createRouter, createWebHistory } from "vue-router";
import { approvesHours, isAdmin, isPatrolManager, isStaff, mayReview, mayUseConsole } from "./auth/permissions";
import { session } from "./auth/session";
import NotForYouPage from "./pages/NotForYouPage.vue";
import SignInPage from "./pages/SignInPage.vue";

export const router = createRouter({
  history: createWebHistory("/console/"),
  routes: [
    // Staff land on tonight's overview; group leaders on their patrols.
    { path: "/", redirect: () => (!session.me ? "/signin" : isStaff(session.me) ? "/tonight" : "/patrols") },
    { path: "/signin", name: "signin", component: SignInPage, meta: { public: true, title: "auth.signInTitle" } },
    { path: "/not-for-you", name: "not-for-you", component: NotForYouPage, meta: { title: "auth.volunteerTitle" } },
    { path: "/tonight", name: "tonight", component: () => import("./pages/TonightPage.vue"), meta: { title: "app.nav.tonight" } },
    { path: "/zones", name: "zones", component: () => import("./pages/ZonesPage.vue"), meta: { title: "app.nav.zones" } },
    { path: "/patrols", name: "patrols", component: () => import("./pages/PatrolsPage.vue"), meta: { title: "app.nav.patrols" } },
    { path: "/patrols/new", name: "patrol-new", component: () => import("./pages/PatrolFormPage.vue"), meta: { title: "app.nav.patrols", managersOnly: true } },
    { path: "/patrols/:id(\\d+)", name: "patrol", component: () => import("./pages/PatrolDetailPage.vue"), props: true, meta: { title: "app.nav.patrols" } },
    { path: "/patrols/:id(\\d+)/edit", name: "patrol-edit", component: () => import("./pages/PatrolFormPage.vue"), props: true, meta: { title: "app.nav.patrols", managersOnly: true } },
    { path: "/patrols/:id(\\d+)/live", name: "patrol-live", component: () => import("./pages/LiveMapPage.vue"), props: true, meta: { title: "live.open" } },
    { path: "/patrols/:id(\\d+)/attendance", name: "patrol-attendance", component: () => import("./pages/AttendancePage.vue"), props: true, meta: { title: "attendance.title", reviewersOnly: true } },
    { path: "/review", name: "review", component: () => import("./pages/ReviewQueuePage.vue"), meta: { title: "review.title", reviewersOnly: true } },
    { path: "/people", name: "people", component: () => import("./pages/PeoplePage.vue"), meta: { title: "app.nav.people" } },
    { path: "/admin", name: "admin", component: () => import("./pages/AdminPage.vue"), meta: { title: "app.nav.admin", adminOnly: true } },
    { path: "/hours", name: "hours", component: () => import("./pages/HoursPage.vue"), meta: { title: "hours.title", hoursApproversOnly: true } },
    { path: "/reports", name: "reports", component: () => import("./pages/ReportsPage.vue"), meta: { title: "reports.title" } },
    { path: "/sos", name: "sos-incidents", component: () => import("./pages/SosIncidentsPage.vue"), meta: { title: "sosIncidents.title", staffOnly: true } },
    { path: "/sos/:id(\\d+)", name: "sos-incident", component: () => import("./pages/SosIncidentPage.vue"), props: true, meta: { title: "sosIncidents.title", staffOnly: true } },
    { path: "/:unknown(.*)*", redirect: "/patrols" },
  ],
});

router.beforeEach((to) => {
  if (to.meta.public) return true;
  if (!session.me) return { name: "signin", query: { next: to.fullPath } };
  if (!mayUseConsole(session.me) && to.name !== "not-for-you") return { name: "not-for-you" };
  // The API would refuse the rest anyway; this spares them a form they cannot send.
  if (to.meta.managersOnly && !isPatrolManager(session.me)) return { name: "patrols" };
  if (to.meta.adminOnly && !isAdmin(session.me)) return { name: "patrols" };
  if (to.meta.reviewersOnly && !mayReview(session.me)) return { name: "patrols" };
  if (to.meta.hoursApproversOnly && !approvesHours(session.me)) return { name: "patrols" };
  if (to.meta.staffOnly && !isStaff(session.me)) return { name: "patrols" };
  return true;
});

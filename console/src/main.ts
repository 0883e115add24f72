import { createApp } from "vue";
import App from "./App.vue";
import { resumeSession } from "./auth/session";
import { i18n } from "./i18n";
import { router } from "./router";
import "./styles.css";

document.documentElement.lang = i18n.global.locale.value;
// Resume the session the refresh cookie holds before the first page decides where to go.
await resumeSession();
createApp(App).use(i18n).use(router).mount("#app");

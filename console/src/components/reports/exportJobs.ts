// Background exports: a report file too large to make in one request is made by the server's
// worker; the page starts it, follows it while it runs and offers its file when it is done.
import { onBeforeUnmount, ref } from "vue";
import { api, unwrap, type Schemas } from "../../api/client";

export type ExportJob = Schemas["ExportJob"];
export type ExportRequest = Schemas["ExportJobRequest"];

const FOLLOW_EVERY_MS = 1000;
const RECENT = 10;

export function isActive(job: ExportJob): boolean {
  return job.status === "queued" || job.status === "running";
}

/** The reader's recent exports, followed while any of them is still being made. */
export function useExportJobs() {
  const jobs = ref<ExportJob[]>([]);
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function load() {
    jobs.value = unwrap(await api.GET("/api/v1/export-jobs", { params: { query: { page_size: RECENT } } }));
    follow();
  }

  async function start(request: ExportRequest): Promise<ExportJob> {
    const job = unwrap(await api.POST("/api/v1/export-jobs", { body: request }));
    jobs.value = [job, ...jobs.value.filter((known) => known.id !== job.id)].slice(0, RECENT);
    follow();
    return job;
  }

  async function refresh() {
    timer = undefined;
    const active = jobs.value.filter(isActive);
    const fresh = await Promise.all(
      active.map(async (job) => unwrap(await api.GET("/api/v1/export-jobs/{job_id}", { params: { path: { job_id: job.id } } }))),
    );
    const byId = new Map(fresh.map((job) => [job.id, job]));
    jobs.value = jobs.value.map((job) => byId.get(job.id) ?? job);
    follow();
  }

  function follow() {
    if (timer === undefined && jobs.value.some(isActive)) {
      timer = setTimeout(() => void refresh().catch(() => follow()), FOLLOW_EVERY_MS);
    }
  }

  onBeforeUnmount(() => {
    clearTimeout(timer);
    timer = undefined;
    jobs.value = [];
  });

  return { jobs, load, start };
}

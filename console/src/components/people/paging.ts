// A list the API pages, read a page at a time: "more" appends the next page. The API says
// where the list stands in the X-Pagination header.
import { ref, type Ref } from "vue";
import { unwrap } from "../../api/client";

type PageResult<T> = { data?: T[]; error?: unknown; response: Response };

export function usePagedList<T>(fetchPage: (page: number) => Promise<PageResult<T>>) {
  const items = ref([]) as Ref<T[]>;
  const total = ref(0);
  const nextPage = ref<number | null>(null);
  const error = ref<unknown>(null);

  async function load(page = 1) {
    error.value = null;
    try {
      const result = await fetchPage(page);
      const rows = unwrap(result);
      items.value = page === 1 ? rows : [...items.value, ...rows];
      const header = result.response.headers.get("X-Pagination");
      const meta = header ? (JSON.parse(header) as { total?: number; next_page?: number }) : {};
      total.value = meta.total ?? 0;
      nextPage.value = meta.next_page ?? null;
    } catch (caught) {
      error.value = caught;
    }
  }

  return { items, total, nextPage, error, load };
}

// A list the API pages, read a page at a time: "more" appends the next page.
import { ref, type Ref } from "vue";
import { unwrap } from "../../api/client";
import { pageInfo } from "../../api/paging";

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
      const meta = pageInfo(result.response);
      total.value = meta.total ?? 0;
      nextPage.value = meta.next_page ?? null;
    } catch (caught) {
      error.value = caught;
    }
  }

  return { items, total, nextPage, error, load };
}

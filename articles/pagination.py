from django.core.paginator import Paginator
from django.utils.functional import cached_property

# The deepest page of a list readers can reach, as deep as search goes (20 pages of 12 results);
# older stories are in the archive's months, and every story is in the sitemaps.
MAX_PAGES = 20


class CappedPaginator(Paginator):
    """
    Pages of a list of stories that cost the same however many stories there are.

    Only the newest `MAX_PAGES` pages' worth are counted and reachable: "more than 240 stories"
    rather than a count of them all (one more story than the pages hold is counted, so that "more
    than" can be said). A page's stories are found by id, from a subquery that reads the page's
    ids off the list's index alone: the joins for the cards are made for those stories only.
    """

    @cached_property
    def max_count(self):
        return self.per_page * MAX_PAGES

    @cached_property
    def counted(self):
        return self.count_up_to(self.max_count + 1)

    def count_up_to(self, limit):
        # Unordered: the count may then start from whichever index finds the stories fastest.
        return self.object_list.order_by()[:limit].count()

    @cached_property
    def count(self):
        return min(self.counted, self.max_count)

    @property
    def has_more(self):
        return self.counted > self.max_count

    def page(self, number):
        page = super().page(number)
        page.object_list = self.page_stories(page.object_list)
        return page

    def page_stories(self, sliced):
        return self.object_list.filter(pk__in=sliced.values("pk"))


class PreparedPaginator(CappedPaginator):
    """The same pages of a list of stories whose queries are prepared (views.StoryList)."""

    def count_up_to(self, limit):
        return self.object_list.count_up_to(limit)

    def page_stories(self, sliced):
        return sliced  # Already the page's stories, found by id.

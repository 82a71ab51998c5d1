"""What a long import shows while it runs: shared by the complaints' and the follow-up's imports."""


class ImportProgress:
    """Mixin for an import model with `status` (a `Status` with PENDING, RUNNING, DONE),
    `progress` and `total_rows`."""

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(99, self.progress * 100 // self.total_rows) if self.total_rows else 0

"""Analytics: the totals of your transactions and of the dashboard (amounts as exact text)."""

import libyativo as yv

with yv.YativoCrypto.from_env() as c:
    totals = c.analytics.transactions()
    dashboard = c.analytics.dashboard()
    print("analytics", sorted(totals)[:3], "dashboard", sorted(dashboard)[:3])

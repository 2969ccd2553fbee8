"""The teleexpertise area: request wizard, my requests, the department's queue, statistics."""

"""The raad's calendar in the REST API under /api/v1/, in the style of samenwerking.api."""

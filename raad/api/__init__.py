"""The raad's resources in the REST API under /api/v1/, in the style of samenwerking.api."""

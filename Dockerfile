# regioreg under gunicorn. Build: docker build -t regioreg .
FROM node:20-bookworm-slim AS npm
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STATIC_ROOT=/app/staticfiles

WORKDIR /app
COPY pyproject.toml ./
COPY regioreg ./regioreg
COPY samenwerking ./samenwerking
COPY raad ./raad
RUN pip install --no-cache-dir .
COPY . .
# The NL Design System CSS from the npm stage; static files are collected at build time and
# WhiteNoise serves them.
COPY --from=npm /app/node_modules ./node_modules
RUN DEBUG=false SECRET_KEY=build-only python manage.py collectstatic --no-input -v0

RUN useradd --system --uid 1000 regioreg && chown -R regioreg /app
USER regioreg
EXPOSE 8000
ENTRYPOINT ["/app/scripts/container-start.sh"]
# Timeouts and workers from gunicorn.conf.py (GUNICORN_TIMEOUT, default 120 s: the largest
# import fits; GUNICORN_WORKERS, default 2).
CMD ["gunicorn", "regioreg.wsgi:application", "--config", "gunicorn.conf.py", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]

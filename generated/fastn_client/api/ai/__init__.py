"""One module of endpoint functions per operation of this tag, and the resource classes that call them:
``Fastn().ai`` (AiResource, AsyncAiResource)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final, overload

from ...lib.constants import DEFAULT_POLL_INTERVAL, DEFAULT_POLL_INTERVAL_MAX, DEFAULT_WAIT_TIMEOUT
from ...lib.request_options import NOT_GIVEN, NotGiven, RequestOptions, Timeout
from ...lib.resources import (
    AsyncAPIResource,
    SyncAPIResource,
    request_body,
    request_options,
    with_raw_response,
    with_raw_response_async,
)
from ...lib.waiters import RetryAfter, WaitSettings, await_until, wait_until
from ...types import UNSET, Unset

if TYPE_CHECKING:
    from ...lib.pagination import AsyncPaginator, SyncPage
    from ...models.build_job import BuildJob
    from ...models.build_kind import BuildKind, check_build_kind
    from ...models.build_request import BuildRequest
    from ...models.chat_reply import ChatReply
    from ...models.chat_request import ChatRequest
    from ...models.error import Error

__all__ = [
    "AiResource",
    "AsyncAiResource",
]

_WAIT_BUILD_DONE: Final = frozenset(
    {
        "DEPLOYED",
        "FAILED",
        "PLANNED",
        "GENERATED",
    }
)
"""The states that end `wait_build()`: the final ones and those waiting for the caller."""


class AiResource(SyncAPIResource):
    """The AI operations, one method each. Reached as ``Fastn().ai``."""

    @cached_property
    def with_raw_response(self) -> AiResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AiResourceWithRawResponse(self)

    @overload
    def chat(
        self,
        body: ChatRequest | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ChatReply: ...

    @overload
    def chat(
        self,
        *,
        message: str,
        session_id: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ChatReply: ...

    def chat(
        self,
        body: ChatRequest | Mapping[str, Any] | None = None,
        *,
        message: str | Unset = UNSET,
        session_id: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ChatReply:
        """Send a message to the AI agent.

        Sends a message to the workspace's AI agent and returns its reply. Pass `sessionId` to
        continue a conversation (404 if unknown).

        The body is ``body`` (a ChatRequest or a dict) or the keyword arguments, not both.
        """
        from ...models.chat_request import ChatRequest
        from . import send_chat_message

        options = request_options(timeout, extra_headers)
        payload = request_body(
            ChatRequest,
            body,
            {
                "message": message,
                "sessionId": session_id,
            },
            unset=UNSET,
            operation="sendChatMessage",
        )
        return self._call(
            send_chat_message.sync,
            send_chat_message.sync_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    @overload
    def build(
        self,
        body: BuildRequest | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BuildJob: ...

    @overload
    def build(
        self,
        *,
        kind: BuildKind,
        prompt: str,
        name: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BuildJob: ...

    def build(
        self,
        body: BuildRequest | Mapping[str, Any] | None = None,
        *,
        kind: BuildKind | Unset = UNSET,
        prompt: str | Unset = UNSET,
        name: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BuildJob:
        """Start an AI build.

        Starts an AI build of a connector or a workflow and answers 202 at once with the build
        job, status `PLANNING`. Poll `getAiBuild` (the `Location` header and the `GetAiBuild` link
        point at it). The lifecycle is the docs': PLANNING → PLANNED → GENERATING → GENERATED →
        DEPLOYED. `PLANNED` and `GENERATED` wait for the caller (`generateAiBuild`, then
        `deployAiBuild`); `DEPLOYED` and `FAILED` are final.

        The body is ``body`` (a BuildRequest or a dict) or the keyword arguments, not both.With ``wait=True``, polls until the work it starts reaches a final state.
        """
        from ...models.build_request import BuildRequest
        from . import start_ai_build

        seen = RetryAfter(self._options.clock)
        options = RequestOptions(timeout=timeout, extra_headers=dict(extra_headers or {}), on_response=seen)
        payload = request_body(
            BuildRequest,
            body,
            {
                "kind": kind,
                "prompt": prompt,
                "name": name,
            },
            unset=UNSET,
            operation="startAiBuild",
        )
        result = self._call(
            start_ai_build.sync,
            start_ai_build.sync_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )
        from ...models.build_job import BuildJob

        if wait and isinstance(result, BuildJob):
            from ..ai import AiResource

            return AiResource(self._client)._wait_build(
                result.id,
                WaitSettings(timeout=wait_timeout),
                request_options(NOT_GIVEN, extra_headers),
                first=result,
                first_retry_after=seen.seconds,
            )
        return result

    def get_build(
        self,
        build_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BuildJob:
        """Get an AI build job.

        Returns a build job, to poll after `startAiBuild` and `generateAiBuild`. Not in the seed
        reference: the seed lists no way to poll a build, so this path is this document's
        inference.
        """
        from . import get_ai_build

        options = request_options(timeout, extra_headers)
        return self._call(
            get_ai_build.sync,
            get_ai_build.sync_detailed,
            build_id,
            request_options=options,
        )

    def wait_build(
        self,
        build_id: str,
        /,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_POLL_INTERVAL_MAX,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BuildJob:
        """Poll ``get_build()`` until the build's ``status`` is final or waits for the caller.

        Those states: DEPLOYED, FAILED, PLANNED, GENERATED. Pauses start at ``interval`` seconds and double up to
        ``max_interval``, or follow the answer's ``Retry-After``; each poll is retried and paced as any
        call. Raises ``WaitTimeoutError`` (with the last state seen) after ``timeout`` seconds.
        """
        return self._wait_build(
            build_id,
            WaitSettings(timeout=timeout, interval=interval, max_interval=max_interval),
            request_options(NOT_GIVEN, extra_headers),
        )

    def _wait_build(
        self,
        build_id: str,
        settings: WaitSettings,
        options: RequestOptions,
        first: BuildJob | None = None,
        first_retry_after: float | None = None,
    ) -> BuildJob:
        from . import get_ai_build

        def fetch(polling: RequestOptions) -> BuildJob:
            return get_ai_build.sync(build_id, client=self._client, request_options=polling)

        return wait_until(
            fetch,
            what=f"build {build_id}",
            done=_WAIT_BUILD_DONE,
            status=lambda value: value.status,
            options=self._options,
            settings=settings,
            request_options=options,
            first=first,
            first_retry_after=first_retry_after,
        )

    def generate(
        self,
        build_id: str,
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BuildJob:
        """Generate a planned AI build.

        Approves the plan of a `PLANNED` build and starts generating it: the answer is 202 with
        the job, status `GENERATING`. Poll `getAiBuild` until it is `GENERATED` (or `FAILED`). A
        build in any other state cannot be generated (409 `CONFLICT`).

        With ``wait=True``, polls until the work it starts reaches a final state.
        """
        from . import generate_ai_build

        seen = RetryAfter(self._options.clock)
        options = RequestOptions(timeout=timeout, extra_headers=dict(extra_headers or {}), on_response=seen)
        result = self._call(
            generate_ai_build.sync,
            generate_ai_build.sync_detailed,
            build_id,
            idempotency_key=idempotency_key,
            request_options=options,
        )
        from ...models.build_job import BuildJob

        if wait and isinstance(result, BuildJob):
            from ..ai import AiResource

            return AiResource(self._client)._wait_build(
                result.id,
                WaitSettings(timeout=wait_timeout),
                request_options(NOT_GIVEN, extra_headers),
                first=result,
                first_retry_after=seen.seconds,
            )
        return result

    def deploy(
        self,
        build_id: str,
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BuildJob:
        """Deploy a generated AI build.

        Deploys what a `GENERATED` build produced: the answer is the job, status `DEPLOYED`
        (final). A build in any other state cannot be deployed (409 `CONFLICT`).
        """
        from . import deploy_ai_build

        options = request_options(timeout, extra_headers)
        return self._call(
            deploy_ai_build.sync,
            deploy_ai_build.sync_detailed,
            build_id,
            idempotency_key=idempotency_key,
            request_options=options,
        )


class AiResourceWithRawResponse:
    """``AiResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AiResource) -> None:
        self.chat = with_raw_response(resource.chat)
        self.build = with_raw_response(resource.build)
        self.get_build = with_raw_response(resource.get_build)
        self.generate = with_raw_response(resource.generate)
        self.deploy = with_raw_response(resource.deploy)


class AsyncAiResource(AsyncAPIResource):
    """The AI operations, one method each. Reached as ``AsyncFastn().ai``."""

    @cached_property
    def with_raw_response(self) -> AsyncAiResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AsyncAiResourceWithRawResponse(self)

    @overload
    async def chat(
        self,
        body: ChatRequest | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ChatReply: ...

    @overload
    async def chat(
        self,
        *,
        message: str,
        session_id: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ChatReply: ...

    async def chat(
        self,
        body: ChatRequest | Mapping[str, Any] | None = None,
        *,
        message: str | Unset = UNSET,
        session_id: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ChatReply:
        """Send a message to the AI agent.

        Sends a message to the workspace's AI agent and returns its reply. Pass `sessionId` to
        continue a conversation (404 if unknown).

        The body is ``body`` (a ChatRequest or a dict) or the keyword arguments, not both.
        """
        from ...models.chat_request import ChatRequest
        from . import send_chat_message

        options = request_options(timeout, extra_headers)
        payload = request_body(
            ChatRequest,
            body,
            {
                "message": message,
                "sessionId": session_id,
            },
            unset=UNSET,
            operation="sendChatMessage",
        )
        return await self._call(
            send_chat_message.asyncio,
            send_chat_message.asyncio_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    @overload
    async def build(
        self,
        body: BuildRequest | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BuildJob: ...

    @overload
    async def build(
        self,
        *,
        kind: BuildKind,
        prompt: str,
        name: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BuildJob: ...

    async def build(
        self,
        body: BuildRequest | Mapping[str, Any] | None = None,
        *,
        kind: BuildKind | Unset = UNSET,
        prompt: str | Unset = UNSET,
        name: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BuildJob:
        """Start an AI build.

        Starts an AI build of a connector or a workflow and answers 202 at once with the build
        job, status `PLANNING`. Poll `getAiBuild` (the `Location` header and the `GetAiBuild` link
        point at it). The lifecycle is the docs': PLANNING → PLANNED → GENERATING → GENERATED →
        DEPLOYED. `PLANNED` and `GENERATED` wait for the caller (`generateAiBuild`, then
        `deployAiBuild`); `DEPLOYED` and `FAILED` are final.

        The body is ``body`` (a BuildRequest or a dict) or the keyword arguments, not both.With ``wait=True``, polls until the work it starts reaches a final state.
        """
        from ...models.build_request import BuildRequest
        from . import start_ai_build

        seen = RetryAfter(self._options.clock)
        options = RequestOptions(timeout=timeout, extra_headers=dict(extra_headers or {}), on_response=seen)
        payload = request_body(
            BuildRequest,
            body,
            {
                "kind": kind,
                "prompt": prompt,
                "name": name,
            },
            unset=UNSET,
            operation="startAiBuild",
        )
        result = await self._call(
            start_ai_build.asyncio,
            start_ai_build.asyncio_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )
        from ...models.build_job import BuildJob

        if wait and isinstance(result, BuildJob):
            from ..ai import AsyncAiResource

            return await AsyncAiResource(self._client)._wait_build(
                result.id,
                WaitSettings(timeout=wait_timeout),
                request_options(NOT_GIVEN, extra_headers),
                first=result,
                first_retry_after=seen.seconds,
            )
        return result

    async def get_build(
        self,
        build_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BuildJob:
        """Get an AI build job.

        Returns a build job, to poll after `startAiBuild` and `generateAiBuild`. Not in the seed
        reference: the seed lists no way to poll a build, so this path is this document's
        inference.
        """
        from . import get_ai_build

        options = request_options(timeout, extra_headers)
        return await self._call(
            get_ai_build.asyncio,
            get_ai_build.asyncio_detailed,
            build_id,
            request_options=options,
        )

    async def wait_build(
        self,
        build_id: str,
        /,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_POLL_INTERVAL_MAX,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BuildJob:
        """Poll ``get_build()`` until the build's ``status`` is final or waits for the caller.

        Those states: DEPLOYED, FAILED, PLANNED, GENERATED. Pauses start at ``interval`` seconds and double up to
        ``max_interval``, or follow the answer's ``Retry-After``; each poll is retried and paced as any
        call. Raises ``WaitTimeoutError`` (with the last state seen) after ``timeout`` seconds.
        """
        return await self._wait_build(
            build_id,
            WaitSettings(timeout=timeout, interval=interval, max_interval=max_interval),
            request_options(NOT_GIVEN, extra_headers),
        )

    async def _wait_build(
        self,
        build_id: str,
        settings: WaitSettings,
        options: RequestOptions,
        first: BuildJob | None = None,
        first_retry_after: float | None = None,
    ) -> BuildJob:
        from . import get_ai_build

        async def fetch(polling: RequestOptions) -> BuildJob:
            return await get_ai_build.asyncio(build_id, client=self._client, request_options=polling)

        return await await_until(
            fetch,
            what=f"build {build_id}",
            done=_WAIT_BUILD_DONE,
            status=lambda value: value.status,
            options=self._options,
            settings=settings,
            request_options=options,
            first=first,
            first_retry_after=first_retry_after,
        )

    async def generate(
        self,
        build_id: str,
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BuildJob:
        """Generate a planned AI build.

        Approves the plan of a `PLANNED` build and starts generating it: the answer is 202 with
        the job, status `GENERATING`. Poll `getAiBuild` until it is `GENERATED` (or `FAILED`). A
        build in any other state cannot be generated (409 `CONFLICT`).

        With ``wait=True``, polls until the work it starts reaches a final state.
        """
        from . import generate_ai_build

        seen = RetryAfter(self._options.clock)
        options = RequestOptions(timeout=timeout, extra_headers=dict(extra_headers or {}), on_response=seen)
        result = await self._call(
            generate_ai_build.asyncio,
            generate_ai_build.asyncio_detailed,
            build_id,
            idempotency_key=idempotency_key,
            request_options=options,
        )
        from ...models.build_job import BuildJob

        if wait and isinstance(result, BuildJob):
            from ..ai import AsyncAiResource

            return await AsyncAiResource(self._client)._wait_build(
                result.id,
                WaitSettings(timeout=wait_timeout),
                request_options(NOT_GIVEN, extra_headers),
                first=result,
                first_retry_after=seen.seconds,
            )
        return result

    async def deploy(
        self,
        build_id: str,
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BuildJob:
        """Deploy a generated AI build.

        Deploys what a `GENERATED` build produced: the answer is the job, status `DEPLOYED`
        (final). A build in any other state cannot be deployed (409 `CONFLICT`).
        """
        from . import deploy_ai_build

        options = request_options(timeout, extra_headers)
        return await self._call(
            deploy_ai_build.asyncio,
            deploy_ai_build.asyncio_detailed,
            build_id,
            idempotency_key=idempotency_key,
            request_options=options,
        )


class AsyncAiResourceWithRawResponse:
    """``AsyncAiResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AsyncAiResource) -> None:
        self.chat = with_raw_response_async(resource.chat)
        self.build = with_raw_response_async(resource.build)
        self.get_build = with_raw_response_async(resource.get_build)
        self.generate = with_raw_response_async(resource.generate)
        self.deploy = with_raw_response_async(resource.deploy)

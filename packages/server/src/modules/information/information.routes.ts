import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams } from '../../http/schemas.ts';
import {
  CloseBody,
  DailyDraft,
  DailyQuery,
  DecisionBody,
  DraftBody,
  EditBody,
  InterviewBody,
  InterviewList,
  InterviewView,
  NoteBody,
  NoticeList,
  OpinionBody,
  OpinionList,
  OpinionQuery,
  OpinionView,
  PublicQuery,
  ReasonBody,
  ReleaseList,
  ReleaseQuery,
  ReleaseView,
  RespondBody,
  WarningDraft,
  WarningDraftQuery,
} from './information.schemas.ts';
import { decideInterviewRequest, listInterviews, requestInterview } from './interview.service.ts';
import { dailyOutbreakDraft, myNotices, publicNotices } from './notices.service.ts';
import { closeOpinionItem, listOpinions, logOpinion, respondOpinion } from './opinion.service.ts';
import {
  approveDraft,
  draftRelease,
  editDraft,
  getRelease,
  listReleases,
  publishApproved,
  rejectDraft,
  submitDraft,
  withdrawPublished,
} from './release.service.ts';
import { warningDraftFromSignal } from './warning-signal.service.ts';

const tags = ['information'];

/** Information release through the approval chain, media interviews and public opinion (REQUIREMENTS §13). */
export function informationRoutes(api: Api, deps: AppDeps) {
  releaseRoutes(api, deps);
  releaseStepRoutes(api, deps);
  interviewRoutes(api, deps);
  opinionRoutes(api, deps);
  noticeRoutes(api, deps);
}

function releaseRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/information/releases',
    {
      config: { permission: 'information.read' },
      schema: {
        tags,
        summary: 'Notices, daily information and warnings in scope, newest first',
        querystring: ReleaseQuery,
        response: { 200: ReleaseList, ...errorResponses },
      },
    },
    (request) => listReleases(deps, contextOf(request), request.query),
  );
  api.get(
    '/information/releases/:id',
    {
      config: { permission: 'information.read' },
      schema: { tags, summary: 'One item with its approval chain', params: IdParams, response: { 200: ReleaseView, ...errorResponses } },
    },
    (request) => getRelease(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/information/releases',
    {
      config: { permission: 'information.publish' },
      schema: {
        tags,
        summary: 'Draft a notice, a daily outbreak information or a warning (COMM-043, DAILY-007, INFO-007)',
        body: DraftBody,
        response: { 201: ReleaseView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await draftRelease(deps, contextOf(request), {
          ...request.body,
          interpretation: request.body.interpretation ?? '',
          forDate: request.body.forDate ?? null,
        }),
      ),
  );
  api.patch(
    '/information/releases/:id',
    {
      config: { permission: 'information.publish' },
      schema: {
        tags,
        summary: 'Edit a draft (or a rejected item) before it is reported upward',
        params: IdParams,
        body: EditBody,
        response: { 200: ReleaseView, ...errorResponses },
      },
    },
    (request) =>
      editDraft(deps, contextOf(request), request.params.id, {
        ...request.body,
        interpretation: request.body.interpretation ?? '',
        forDate: request.body.forDate ?? null,
      }),
  );
  api.get(
    '/information/daily-outbreak',
    {
      config: { permission: 'information.read' },
      schema: {
        tags,
        summary: "The day's outbreak information pre-filled from the platform's figures, its deadline and state (DAILY-007, INFO-006)",
        querystring: DailyQuery,
        response: { 200: DailyDraft, ...errorResponses },
      },
    },
    (request) => dailyOutbreakDraft(deps, contextOf(request), request.query),
  );
  api.get(
    '/information/warning-draft',
    {
      config: { permission: 'information.read' },
      schema: {
        tags,
        summary: 'A warning tip pre-filled from an early-warning signal in scope, to draft with its signalId (INFO-007, CASE-007)',
        querystring: WarningDraftQuery,
        response: { 200: WarningDraft, ...errorResponses },
      },
    },
    (request) => warningDraftFromSignal(deps, contextOf(request), request.query),
  );
}

function releaseStepRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/information/releases/:id/submit',
    {
      config: { permission: 'information.publish' },
      schema: {
        tags,
        summary: 'Report the draft upward for approval (逐级上报, INFO-001)',
        params: IdParams,
        response: { 200: ReleaseView, ...errorResponses },
      },
    },
    (request) => submitDraft(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/information/releases/:id/approve',
    {
      config: { permission: 'information.approve' },
      schema: {
        tags,
        summary: 'Approve the next step of the chain (not the drafter; authority at the step level)',
        params: IdParams,
        body: NoteBody,
        response: { 200: ReleaseView, ...errorResponses },
      },
    },
    (request) => approveDraft(deps, contextOf(request), request.params.id, request.body.note ?? ''),
  );
  api.post(
    '/information/releases/:id/reject',
    {
      config: { permission: 'information.approve' },
      schema: {
        tags,
        summary: 'Turn the item down with a reason; the drafter may edit and report it again',
        params: IdParams,
        body: ReasonBody,
        response: { 200: ReleaseView, ...errorResponses },
      },
    },
    (request) => rejectDraft(deps, contextOf(request), request.params.id, request.body.reason),
  );
  api.post(
    '/information/releases/:id/publish',
    {
      config: { permission: 'information.publish' },
      schema: {
        tags,
        summary: 'Publish an approved item (refused before approval, SC-68)',
        params: IdParams,
        response: { 200: ReleaseView, ...errorResponses },
      },
    },
    (request) => publishApproved(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/information/releases/:id/withdraw',
    {
      config: { permission: 'information.publish' },
      schema: {
        tags,
        summary: 'Withdraw a published item with a reason',
        params: IdParams,
        body: ReasonBody,
        response: { 200: ReleaseView, ...errorResponses },
      },
    },
    (request) => withdrawPublished(deps, contextOf(request), request.params.id, request.body.reason),
  );
}

function interviewRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/information/interviews',
    {
      config: { permission: 'information.read' },
      schema: { tags, summary: 'Media interview requests in scope', response: { 200: InterviewList, ...errorResponses } },
    },
    (request) => listInterviews(deps, contextOf(request)),
  );
  api.post(
    '/information/interviews',
    {
      config: { permission: 'information.publish' },
      schema: {
        tags,
        summary: 'Log a media interview request, pending until the township headquarters approves (INFO-002)',
        body: InterviewBody,
        response: { 201: InterviewView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await requestInterview(deps, contextOf(request), request.body)),
  );
  api.post(
    '/information/interviews/:id/decision',
    {
      config: { permission: 'information.approve' },
      schema: {
        tags,
        summary: 'Approve or refuse an interview (not the requester; a refusal needs a note)',
        params: IdParams,
        body: DecisionBody,
        response: { 200: InterviewView, ...errorResponses },
      },
    },
    (request) =>
      decideInterviewRequest(deps, contextOf(request), request.params.id, { approve: request.body.approve, note: request.body.note ?? '' }),
  );
}

function opinionRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/opinions',
    {
      config: { permission: 'information.read' },
      schema: {
        tags,
        summary: 'Rumours, complaints and queries in scope with their deadlines (INFO-004)',
        querystring: OpinionQuery,
        response: { 200: OpinionList, ...errorResponses },
      },
    },
    (request) => listOpinions(deps, contextOf(request), request.query),
  );
  api.post(
    '/opinions',
    {
      config: { permission: 'opinion.write' },
      schema: {
        tags,
        summary: 'Log a public-opinion item with its source (INFO-004)',
        body: OpinionBody,
        response: { 201: OpinionView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await logOpinion(deps, contextOf(request), request.body)),
  );
  api.post(
    '/opinions/:id/respond',
    {
      config: { permission: 'opinion.write' },
      schema: {
        tags,
        summary: 'Respond: refute the rumour or answer the complaint or query',
        params: IdParams,
        body: RespondBody,
        response: { 200: OpinionView, ...errorResponses },
      },
    },
    (request) => respondOpinion(deps, contextOf(request), request.params.id, request.body.response),
  );
  api.post(
    '/opinions/:id/close',
    {
      config: { permission: 'opinion.write' },
      schema: {
        tags,
        summary: 'Close a responded item with its outcome',
        params: IdParams,
        body: CloseBody,
        response: { 200: OpinionView, ...errorResponses },
      },
    },
    (request) => closeOpinionItem(deps, contextOf(request), request.params.id, request.body.outcome),
  );
}

function noticeRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/public/notices',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Published public notices (no sign-in): the text, the issuing place and the time only (INFO-005, COMM-043)',
        querystring: PublicQuery,
        response: { 200: NoticeList, ...errorResponses },
      },
    },
    (request) => publicNotices(deps, request.query),
  );
  api.get(
    '/me/notices',
    {
      config: { permission: 'self.read' },
      schema: {
        tags,
        summary: 'Notices published for the public or residents over the place the resident lives in',
        response: { 200: NoticeList, ...errorResponses },
      },
    },
    (request) => myNotices(deps, contextOf(request)),
  );
}

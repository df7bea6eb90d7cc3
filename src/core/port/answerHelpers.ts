// Functions the port appends to an Action when a hook builds its answer at run time: they apply
// any answer object with the trigger's api, key by key, so the port stays exact for any value.

export const APPLY_HOOK_RESPONSE = `
/** Applies a Pre-User Registration hook's answer {user: {user_metadata, app_metadata}} with api. */
function applyHookResponse(api, response) {
  var user = (response && response.user) || {};
  Object.keys(user.user_metadata || {}).forEach(function (key) {
    api.user.setUserMetadata(key, user.user_metadata[key]);
  });
  Object.keys(user.app_metadata || {}).forEach(function (key) {
    api.user.setAppMetadata(key, user.app_metadata[key]);
  });
}
`;

export const APPLY_HOOK_ACCESS_TOKEN = `
/** Applies a Credentials Exchange hook's access token: each claim but scope (Actions keep it). */
function applyHookAccessToken(api, accessToken) {
  Object.keys(accessToken || {}).forEach(function (name) {
    if (name !== 'scope') api.accessToken.setCustomClaim(name, accessToken[name]);
  });
}
`;

export type AnswerHelper = 'applyHookResponse' | 'applyHookAccessToken';

export const HELPER_SOURCES: Record<AnswerHelper, string> = {
  applyHookResponse: APPLY_HOOK_RESPONSE,
  applyHookAccessToken: APPLY_HOOK_ACCESS_TOKEN,
};

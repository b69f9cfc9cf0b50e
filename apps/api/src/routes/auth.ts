import { Login } from '@rapport/contracts';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env';
import { signedInUserId } from '../lib/actor';
import { validate } from '../lib/validate';
import { SESSION_COOKIE, requireRole, STAFF } from '../middleware/auth';
import { login, logout } from '../services/auth';
import { getUser } from '../services/users';

export const auth = new Hono<AppEnv>()
  .post('/login', validate('json', Login), async (c) => {
    const result = await login(c.get('db'), {
      ...c.req.valid('json'),
      userAgent: c.req.header('user-agent') ?? null,
      requestId: c.get('requestId'),
    });
    setCookie(c, SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: c.get('config').secureCookies,
      path: '/',
      expires: result.expiresAt,
    });
    return c.json({ user: result.user }, 200);
  })
  .post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await logout(c.get('db'), token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  })
  .get('/me', requireRole(...STAFF), async (c) => {
    return c.json({ user: await getUser(c.get('db'), signedInUserId(c)) }, 200);
  });

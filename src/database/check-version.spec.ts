import { ConflictError, NotFoundError } from '../common/domain-error.js';
import { checkVersion, withCurrentView } from './check-version.js';

describe('checkVersion', () => {
  it('lets a change at the current version through', () => {
    expect(() => checkVersion('任务', 3, { version: 3 })).not.toThrow();
  });

  it('refuses an older version with 409, the version given and the row as it is now', () => {
    const row = { id: 7, version: 4, content: '他人改过的内容' };
    let error: unknown;
    try {
      checkVersion('任务', 3, row);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      status: 409,
      code: 'CONFLICT',
      problems: [{ field: 'version', value: 3 }],
      extra: { currentVersion: 4, current: row },
    });
    expect((error as Error).message).toContain('任务已被他人修改（您提交的版本 3，当前版本 4）');
  });
});

describe('withCurrentView', () => {
  it('answers a stale change with the row as the view shows it', async () => {
    const change = async () => checkVersion('任务', 1, { id: 7, version: 2 });
    const view = async (row: { id: number; version: number }) => ({ ...row, leadUnits: [{ id: 1, name: '区经济信息委' }] });
    await expect(withCurrentView(change, view)).rejects.toMatchObject({
      status: 409,
      extra: { currentVersion: 2, current: { id: 7, version: 2, leadUnits: [{ id: 1, name: '区经济信息委' }] } },
    });
  });

  it('passes results and other errors through', async () => {
    const view = async () => ({ version: 1 });
    await expect(withCurrentView(async () => 'saved', view)).resolves.toBe('saved');
    await expect(
      withCurrentView(async () => {
        throw new NotFoundError('任务', 9);
      }, view),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

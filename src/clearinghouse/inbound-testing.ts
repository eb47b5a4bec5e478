// Shared by inbound.db.test.ts and its child process: a handler that applies a file by recording
// one audit event (entity "test_apply"), optionally pausing mid-transaction so the test can kill it.
import { recordAudit } from '../audit/index.ts';
import type { HandlerRegistry, InboundHandler } from './handlers.ts';

export const ENVELOPE =
  'ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*CLEANCLAIM     *240101*1200*^*00501*000000001*0*T*:~GS*FA*A*B*20240101*1200*1*X*005010X231A1~';

export function testHandlers(pauseMs = 0, onApplying: () => void = () => {}): HandlerRegistry {
  const apply: InboundHandler = async (tx, file, actor) => {
    await recordAudit(tx, actor, {
      practiceId: file.practiceId,
      action: 'update',
      entity: 'test_apply',
      entityId: file.id,
    });
    onApplying();
    if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
    return { outcome: `applied ${file.name}` };
  };
  return new Map([['999', apply]]);
}

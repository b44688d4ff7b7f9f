import { buildApp } from './app.ts';
import { ensureFirstAdmin } from './bootstrap/first-admin.ts';
import { ConfigError, loadConfig } from './config.ts';
import { refuseExposedDemoSeed, refuseServingDemoAccounts } from './demo/demo-guard.ts';
import { seedDemoIfEmpty } from './demo/demo-seed.ts';
import { scheduleCaseClockSweep } from './jobs/case-clock-sweep.ts';
import { scheduleDailySweep } from './jobs/daily-sweep.ts';
import { scheduleRetention } from './jobs/retention.ts';
import { scheduleEarlyWarning } from './modules/dashboard/early-warning.job.ts';
import { scheduleSituationReports } from './modules/dashboard/situation-report.service.ts';
import { scheduleInformationReminderSweep } from './modules/information/information-reminder.job.ts';
import { scheduleReportReminderSweep } from './modules/reports/report-reminder.job.ts';
import { scheduleReassessmentReminderSweep } from './modules/response/reassessment-reminder.job.ts';
import { scheduleDisinfectionOverdueSweep } from './modules/supplies/disinfection-overdue.job.ts';
import { scheduleStockExpirySweep } from './modules/supplies/stock-expiry.job.ts';
import { openRuntime } from './runtime.ts';
import { LogSmsSender } from './sms/log-sms-sender.ts';

async function main() {
  const started = Date.now();
  const config = loadConfig();
  refuseExposedDemoSeed(config);
  const deps = await openRuntime(config);
  await refuseServingDemoAccounts(deps);
  if (config.seedDemo) await seedDemoIfEmpty(deps, { residents: config.demoResidents, log: (line) => console.log(line) });
  const oneTimePassword = await ensureFirstAdmin(deps);
  if (oneTimePassword)
    console.log(
      `首次启动：管理员账号 admin，一次性密码 ${oneTimePassword}（登录后请修改） / first start: admin one-time password ${oneTimePassword}`,
    );
  const app = await buildApp(deps, { level: config.logLevel });
  // The demo's codes go to the server log, where the operator reads them (docs/operations.md).
  if (deps.sms instanceof LogSmsSender) deps.sms.log = app.log;
  const close = async () => {
    await app.close();
    await deps.database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  scheduleDailySweep(deps, (message) => app.log.info(message));
  scheduleCaseClockSweep(deps, (message) => app.log.info(message));
  scheduleRetention(deps, (message) => app.log.info(message));
  scheduleReportReminderSweep(deps, (message) => app.log.info(message));
  scheduleInformationReminderSweep(deps, (message) => app.log.info(message));
  scheduleReassessmentReminderSweep(deps, (message) => app.log.info(message));
  scheduleEarlyWarning(deps, (message) => app.log.info(message));
  scheduleStockExpirySweep(deps, (message) => app.log.info(message));
  scheduleDisinfectionOverdueSweep(deps, (message) => app.log.info(message));
  scheduleSituationReports(deps, (message) => app.log.info(message));
  console.log(
    `fangkong ready at http://${config.host}:${config.port} (${deps.database.kind}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`配置错误 / configuration error: ${error.message}`);
  else console.error(error);
  process.exit(1);
});

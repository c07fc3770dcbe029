"use client";

import { useId, useRef, useState, type PointerEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { SubmitRow, TextField } from "@/components/form";
import { signAction } from "../actions";

/** Type or draw a signature, then Sign. */
export function SignatureForm({ token, defaultName }: { token: string; defaultName: string }) {
  const t = useTranslations("sign.signing.form");
  const form = useActionForm(signAction);
  const [kind, setKind] = useState<"TYPED" | "DRAWN">("TYPED");
  const [text, setText] = useState(defaultName);
  /** The drawing as a PNG data URL, refreshed at the end of each stroke ("" = nothing drawn). */
  const [png, setPng] = useState("");
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const groupId = useId();

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - box.left) * event.currentTarget.width) / box.width, y: ((event.clientY - box.top) * event.currentTarget.height) / box.height };
  };
  const start = (event: PointerEvent<HTMLCanvasElement>) => {
    const context = event.currentTarget.getContext("2d")!;
    const { x, y } = point(event);
    context.lineWidth = 3;
    context.lineCap = "round";
    context.strokeStyle = "#111827";
    context.beginPath();
    context.moveTo(x, y);
    drawing.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const context = event.currentTarget.getContext("2d")!;
    const { x, y } = point(event);
    context.lineTo(x, y);
    context.stroke();
  };
  const end = () => {
    if (!drawing.current) return;
    drawing.current = false;
    setPng(canvas.current!.toDataURL("image/png"));
  };
  const clear = () => {
    const element = canvas.current!;
    element.getContext("2d")!.clearRect(0, 0, element.width, element.height);
    setPng("");
  };

  return (
    // A plain form action: it posts even before the page has hydrated.
    <form noValidate action={form.action} className="mt-3 space-y-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="png" value={png} />
      <fieldset>
        <legend className="text-sm font-medium text-gray-800">{t("signature")}</legend>
        <div className="mt-1 inline-flex rounded-md border border-gray-300 p-0.5" role="radiogroup" aria-labelledby={groupId}>
          <span id={groupId} className="sr-only">{t("how")}</span>
          {(["TYPED", "DRAWN"] as const).map((option) => (
            <label key={option} className={`cursor-pointer rounded px-3 py-1.5 text-sm ${kind === option ? "bg-brand-600 text-white" : "text-gray-700 hover:bg-gray-100"}`}>
              <input type="radio" name="kind" value={option} checked={kind === option} onChange={() => setKind(option)} className="sr-only" />
              {t(option === "TYPED" ? "type" : "draw")}
            </label>
          ))}
        </div>
      </fieldset>

      {kind === "TYPED" ? (
        <div className="space-y-2">
          <TextField label={t("typeName")} name="text" value={text} onChange={(event) => setText(event.target.value)} maxLength={100} autoComplete="name" />
          {text.trim() && (
            <p aria-hidden className="rounded-md border border-dashed border-gray-300 px-4 py-3 font-serif text-2xl italic text-gray-900">
              {text}
            </p>
          )}
        </div>
      ) : (
        <div className="space-y-2">
          <canvas
            ref={canvas}
            width={600}
            height={180}
            aria-label={t("drawHere")}
            role="img"
            onPointerDown={start}
            onPointerMove={move}
            onPointerUp={end}
            onPointerCancel={end}
            className="h-36 w-full touch-none rounded-md border border-dashed border-gray-400 bg-white"
          />
          <Button type="button" variant="secondary" onClick={clear}>
            {t("clear")}
          </Button>
        </div>
      )}

      <p className="text-xs text-gray-600">{t("consent")}</p>
      <SubmitRow label={t("submit")} pendingLabel={t("pending")} pending={form.pending}>
        {!form.pending && <ActionFeedback state={form.state} fieldsShown={false} />}
      </SubmitRow>
    </form>
  );
}
